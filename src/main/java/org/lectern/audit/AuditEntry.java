package org.lectern.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One read, export or change of personal data: who, when, what (a dotted action code such as {@code
 * registration.listed}), on which object, and how many records it touched.
 */
public record AuditEntry(
    UUID id,
    Instant at,
    UUID actorId,
    String actorLabel,
    String action,
    UUID organisationId,
    UUID programmeId,
    String subjectType,
    String subjectId,
    Integer count,
    String details) {

  /** A person who appears in the log, for the viewer's filter. */
  public record Actor(UUID id, String label) {}
}
