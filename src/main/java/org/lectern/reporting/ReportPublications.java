package org.lectern.reporting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Releasing a programme's report to its funders as a dated snapshot (ADR 0017). Organisers publish;
 * organisers and the programme's funders list and read the snapshots.
 */
@Service
public record ReportPublications(
    ReportService reports,
    ReportSnapshotRepository snapshots,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  static final int NOTE_MAX = 200;

  /**
   * Publishes the current figures to the funders, suppressed together with every earlier snapshot.
   * Publications of one programme are serialised, so none is checked without its predecessor.
   */
  public ReportSnapshot publish(LecternUser actor, UUID programmeId, String note) {
    return transactions.result(
        () -> {
          if (reports.audienceOf(actor, programmeId) != ReportService.Audience.ORGANISER) {
            throw new ForbiddenException("reporting.forbidden");
          }
          String text = note == null || note.isBlank() ? null : note.strip();
          if (text != null && text.length() > NOTE_MAX) {
            throw InvalidInputException.of("note", "validation.tooLong", NOTE_MAX);
          }
          if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw InvalidInputException.of("note", "reporting.publish.noteInvalid");
          }
          snapshots.lock(programmeId);
          PublishedReport report = reports.funderPreview(programmeId);
          var s =
              new ReportSnapshot(
                  UUID.randomUUID(),
                  programmeId,
                  clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                  text);
          snapshots.insert(s, actor.id(), report);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.displayName(),
                  "report.published",
                  reports.organisationOf(programmeId),
                  "programme",
                  programmeId.toString(),
                  null,
                  s.id().toString()));
          return s;
        });
  }

  /** The programme's snapshots, oldest first (organisers and funders). */
  public List<ReportSnapshot> list(LecternUser actor, UUID programmeId) {
    return transactions.read(
        () -> {
          reports.audienceOf(actor, programmeId);
          return snapshots.list(programmeId);
        });
  }

  /** The latest snapshot with its report; 404 {@code report.notPublished} before the first. */
  ReportSnapshot.Full latest(LecternUser actor, UUID programmeId) {
    return transactions.read(
        () -> {
          reports.audienceOf(actor, programmeId);
          return snapshots
              .latest(programmeId)
              .orElseThrow(() -> new NotFoundException("report.notPublished"));
        });
  }

  /** One snapshot with its report (organisers and funders); 404 for another programme's. */
  ReportSnapshot.Full find(LecternUser actor, UUID programmeId, UUID snapshotId) {
    return transactions.read(
        () -> {
          reports.audienceOf(actor, programmeId);
          return snapshots
              .find(programmeId, snapshotId)
              .orElseThrow(() -> new NotFoundException("report.snapshotNotFound"));
        });
  }
}
