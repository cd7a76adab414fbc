package org.lectern.certificate;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stand-in until the attendance module provides completion: nobody has completed, so every
 * certificate needs an organiser's override with a reason. Replaced by an adapter over {@code
 * ProgrammeAttendance.completionOf} when that module is merged.
 */
@Component
class UnrecordedAttendance implements CompletionSource {

  @Override
  public List<Completion> of(UUID programmeId) {
    return List.of();
  }
}
