package org.lectern.reporting;

import java.util.Optional;
import java.util.UUID;

/**
 * Knowledge gain (pre/post tests) and satisfaction (feedback survey) of a programme. No learning
 * feature exists yet, so the default answers empty and the report says "no data yet".
 */
public interface LearningFigures {

  Optional<LearningSummary> of(UUID programmeId);

  LearningFigures NONE = programmeId -> Optional.empty();

  /**
   * @param tested delegates with both a pre- and a post-test
   * @param improved of those, how many scored higher after
   * @param surveyed delegates who answered the feedback survey
   * @param satisfied of those, how many were satisfied or very satisfied
   */
  record LearningSummary(int tested, int improved, int surveyed, int satisfied) {}
}
