package org.lectern.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Knowledge gain (pre/post tests), reaction (feedback survey) and behaviour (follow-up survey) of a
 * programme, from the learning module. Without such a bean the report says "no data yet".
 */
public interface LearningFigures {

  Optional<LearningSummary> of(UUID programmeId);

  LearningFigures NONE = programmeId -> Optional.empty();

  /** Every count of the summary, in the order of the API's {@code learning} block. */
  List<String> COUNTS =
      List.of(
          "preTested",
          "postTested",
          "paired",
          "improved",
          "passed",
          "surveyed",
          "satisfied",
          "relevant",
          "followUpAnswered",
          "usedInPractice");

  /** The counts broken down by gender and region (the indicators' disaggregation). */
  List<String> BROKEN_DOWN =
      List.of(
          "paired",
          "improved",
          "postTested",
          "passed",
          "surveyed",
          "satisfied",
          "relevant",
          "followUpAnswered",
          "usedInPractice");

  /** The dimensions of those breakdowns. */
  List<String> DIMENSIONS = List.of("gender", "region");

  /**
   * @param counts every key of {@link #COUNTS}: preTested/postTested delegates with a
   *     pre-/post-test, paired with both, improved (of paired) scoring higher after, passed (of
   *     postTested) reaching the pass mark, surveyed answering the final feedback survey,
   *     satisfied/relevant (of those) rating 4 or 5, followUpAnswered/usedInPractice the follow-up
   *     survey
   * @param meanPre mean pre-test score of the paired delegates, per cent of the maximum; null when
   *     none
   * @param breakdowns under {@code <count>.<dimension>} for each of {@link #BROKEN_DOWN} and {@link
   *     #DIMENSIONS}; every cell adds up to the count
   */
  record LearningSummary(
      Map<String, Integer> counts,
      Double meanPre,
      Double meanPost,
      Map<String, Breakdown> breakdowns) {

    public LearningSummary {
      counts = Map.copyOf(counts);
      breakdowns = Map.copyOf(breakdowns);
    }

    public int count(String key) {
      return counts.getOrDefault(key, 0);
    }
  }
}
