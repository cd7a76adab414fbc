package org.lectern.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme's report as released to its funders on a date, with the organiser's note ("after
 * session 4", "final report"). Funders see only these, never live figures (ADR 0017).
 */
public record ReportSnapshot(UUID id, UUID programmeId, Instant publishedAt, String note) {

  /** A snapshot with the report it holds. */
  record Full(ReportSnapshot snapshot, PublishedReport report) {}
}
