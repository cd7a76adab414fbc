package org.lectern.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the programme of an audited subject of one type, so that an entry recorded without its
 * programme can still be filtered by programme. The module owning the subject implements it (the
 * audit log sits below every module and cannot read their tables).
 */
public interface AuditSubjects {

  /** The subject type answered for, as recorded ({@code "session"}, {@code "registration"}…). */
  String subjectType();

  /** The programme of the subject with this id (as recorded), if there is one. */
  Optional<UUID> programmeOf(String subjectId);

  /** The subject id as a UUID, if it is one. */
  static Optional<UUID> uuid(String subjectId) {
    try {
      return Optional.of(UUID.fromString(subjectId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
