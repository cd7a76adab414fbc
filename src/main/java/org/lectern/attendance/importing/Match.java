package org.lectern.attendance.importing;

import java.util.List;
import java.util.UUID;

/**
 * How one person of a report relates to the programme's registrations.
 *
 * @param registrationId the registration, when {@link Status#MATCHED}
 * @param candidates the registrations that fit equally well, when {@link Status#AMBIGUOUS}
 */
public record Match(Status status, Via via, UUID registrationId, List<UUID> candidates) {

  public enum Status {
    MATCHED,
    AMBIGUOUS,
    UNMATCHED,
    NOT_DELEGATE
  }

  /** What decided the match, shown to the organiser. */
  public enum Via {
    EMAIL,
    NAME,
    DECISION,
    NONE
  }

  public Match {
    candidates = List.copyOf(candidates);
  }

  static Match matched(UUID registrationId, Via via) {
    return new Match(Status.MATCHED, via, registrationId, List.of());
  }

  static Match ambiguous(List<UUID> candidates) {
    return new Match(Status.AMBIGUOUS, Via.NAME, null, candidates);
  }

  static Match unmatched() {
    return new Match(Status.UNMATCHED, Via.NONE, null, List.of());
  }

  static Match notDelegate() {
    return new Match(Status.NOT_DELEGATE, Via.DECISION, null, List.of());
  }

  public boolean isMatched() {
    return status == Status.MATCHED;
  }

  /** Needs the organiser: nobody, or more than one registration fits. */
  public boolean needsDecision() {
    return status == Status.UNMATCHED || status == Status.AMBIGUOUS;
  }
}
