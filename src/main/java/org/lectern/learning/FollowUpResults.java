package org.lectern.learning;

import java.util.List;

/**
 * The follow-up survey on the organiser's results page. Figures and examples appear only from five
 * answers (fewer could point at a person).
 *
 * @param opens the date it opens (or opened), with the zone named; null without sessions
 */
public record FollowUpResults(
    int months,
    String opens,
    int invited,
    int answers,
    int usedInPractice,
    int cited,
    boolean shown,
    List<String> examples) {}
