package org.lectern.learning;

import java.util.List;

/**
 * One feedback survey on the results page: how many answered and, from five answers on, the mean
 * ratings, the shares rating 4 or 5, and the comments; the ratings are null below five.
 */
public record SurveyRow(
    String survey,
    int answers,
    String satisfaction,
    String relevance,
    String speaker,
    String satisfied,
    String relevant,
    List<String> comments) {}
