package org.lectern.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.privacy.RemovalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Retention periods (set by organisation administrators and programme organisers) and the
 * anonymisation of programmes whose period has ended, run nightly by {@link RetentionTasks}.
 */
@Service
public record Retention(
    RetentionRepository repository,
    PersonalDataRemovals removals,
    ProgrammeService programmes,
    OrganisationService organisations,
    AuditLog audit,
    JdbcClient jdbc,
    Clock clock,
    Transactions transactions) {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** The programme's period, for those who manage it (404/403 otherwise). */
  public RetentionPeriod period(LecternUser actor, UUID programmeId) {
    Programme p = programmes.manageable(actor, programmeId);
    return repository.period(p.id()).orElseThrow();
  }

  /** Sets the programme's own period in months; blank means "the organisation's default". */
  public RetentionPeriod setProgrammeMonths(LecternUser actor, UUID programmeId, String months) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          Integer m = months == null || months.isBlank() ? null : parse(months);
          repository.setProgrammeMonths(p.id(), m, clock.instant());
          record(actor, p.organisationId(), "programme", p.id().toString(), m);
          return repository.period(p.id()).orElseThrow();
        });
  }

  /** The organisation's default in months, for its administrators; empty: the installation's. */
  public Integer organisationMonths(LecternUser actor, UUID organisationId) {
    organisations.administrable(actor, organisationId);
    return repository.organisationMonths(organisationId).orElse(null);
  }

  public int installationMonths() {
    return repository.installationMonths();
  }

  public void setOrganisationMonths(LecternUser actor, UUID organisationId, String months) {
    transactions.run(
        () -> {
          organisations.administrable(actor, organisationId);
          int m = parse(months == null ? "" : months);
          repository.setOrganisationMonths(organisationId, m, clock.instant());
          record(actor, organisationId, "organisation", organisationId.toString(), m);
        });
  }

  /** The periods of the programmes the actor manages, soonest first. */
  public List<RetentionPeriod> schedule(LecternUser actor) {
    List<UUID> ids =
        programmes.visibleTo(actor, 1000, 0).items().stream()
            .filter(p -> programmes.canManage(actor, p))
            .map(Programme::id)
            .toList();
    return repository.periods(ids).stream()
        .sorted(
            java.util.Comparator.comparing(
                RetentionPeriod::dueAt, java.util.Comparator.nullsLast(Instant::compareTo)))
        .toList();
  }

  /** Anonymises every programme whose period has ended; returns how many it anonymised. */
  public int anonymiseDue() {
    Instant now = clock.instant();
    // The shortest possible period bounds the candidates; each one's own period decides.
    Instant endedBefore =
        now.atOffset(ZoneOffset.UTC).minusMonths(RetentionPeriod.MIN_MONTHS).toInstant();
    int n = 0;
    for (RetentionPeriod p : repository.candidates(endedBefore)) {
      // Each programme in its own transaction (anonymise starts one when there is none).
      if (p.dueBy(now) && anonymise(p.programmeId(), RemovalReason.RETENTION)) {
        n++;
      }
    }
    if (n > 0) {
      log.info("Retention: anonymised {} programme(s)", n);
    }
    return n;
  }

  /**
   * Removes the programme's personal data now, once: false when another run (or node) already did.
   * Joins the caller's transaction.
   */
  public boolean anonymise(UUID programmeId, RemovalReason reason) {
    return transactions.result(
        () -> {
          if (!repository.claim(programmeId, clock.instant())) {
            return false;
          }
          removals.anonymiseProgramme(programmeId, reason);
          int registrations =
              jdbc.sql("select count(*) from registration_facts where programme_id = :p")
                  .param("p", programmeId)
                  .query(Integer.class)
                  .single();
          UUID org =
              repository.period(programmeId).map(RetentionPeriod::organisationId).orElse(null);
          audit.record(
              new AuditLog.Record(
                  null,
                  "retention",
                  "programme.anonymised",
                  org,
                  "programme",
                  programmeId.toString(),
                  registrations,
                  reason.name(),
                  programmeId));
          return true;
        });
  }

  private void record(LecternUser actor, UUID org, String type, String subject, Integer months) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "retention.changed",
            org,
            type,
            subject,
            null,
            months == null ? "default" : months + " months"));
  }

  static int parse(String months) {
    int m;
    try {
      m = Integer.parseInt(months.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("months", "validation.integer");
    }
    if (m < RetentionPeriod.MIN_MONTHS || m > RetentionPeriod.MAX_MONTHS) {
      throw InvalidInputException.of(
          "months", "validation.range", RetentionPeriod.MIN_MONTHS, RetentionPeriod.MAX_MONTHS);
    }
    return m;
  }
}
