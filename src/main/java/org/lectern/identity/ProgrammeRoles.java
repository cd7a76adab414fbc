package org.lectern.identity;

import java.util.List;
import java.util.UUID;

/**
 * The roles a person holds on programmes, with each programme's organisation: whether a second
 * factor is required depends on them. The programme module, which owns programme roles, answers;
 * identity sits below it and cannot read its tables.
 */
public interface ProgrammeRoles {

  /** A role ({@code ORGANISER}, {@code DOOR}, {@code SPEAKER}, {@code FUNDER}) on a programme. */
  record Held(UUID organisationId, String role) {}

  List<Held> heldBy(UUID userId);
}
