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
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.privacy.RemovalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention periods (set by organisation administrators and programme organisers) and the
 * anonymisation of programmes whose period has ended, run nightly by {@link RetentionTasks}.
 */
@Service
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final RetentionRepository repository;
  private final PersonalDataRemovals removals;
  private final ProgrammeService programmes;
  private final OrganisationService organisations;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Retention(
      RetentionRepository repository,
      PersonalDataRemovals removals,
      ProgrammeService programmes,
      OrganisationService organisations,
      AuditLog audit,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock) {
    this.repository = repository;
    this.removals = removals;
    this.programmes = programmes;
    this.organisations = organisations;
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The programme's period, for those who manage it (404/403 otherwise). */
  public RetentionPeriod period(LecternUser actor, UUID programmeId) {
    Programme p = programmes.manageable(actor, programmeId);
    return repository.period(p.id()).orElseThrow();
  }

  /** Sets the programme's own period in months; blank means "the organisation's default". */
  @Transactional
  public RetentionPeriod setProgrammeMonths(LecternUser actor, UUID programmeId, String months) {
    Programme p = programmes.manageable(actor, programmeId);
    Integer m = months == null || months.isBlank() ? null : parse(months);
    repository.setProgrammeMonths(p.id(), m, clock.instant());
    record(actor, p.organisationId(), "programme", p.id().toString(), m);
    return repository.period(p.id()).orElseThrow();
  }

  /** The organisation's default in months, for its administrators; empty: the installation's. */
  public Integer organisationMonths(LecternUser actor, UUID organisationId) {
    organisations.administrable(actor, organisationId);
    return repository.organisationMonths(organisationId).orElse(null);
  }

  public int installationMonths() {
    return repository.installationMonths();
  }

  @Transactional
  public void setOrganisationMonths(LecternUser actor, UUID organisationId, String months) {
    organisations.administrable(actor, organisationId);
    int m = parse(months == null ? "" : months);
    repository.setOrganisationMonths(organisationId, m, clock.instant());
    record(actor, organisationId, "organisation", organisationId.toString(), m);
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
      if (p.dueBy(now)) {
        Boolean done =
            transactions.execute(s -> anonymise(p.programmeId(), RemovalReason.RETENTION));
        if (Boolean.TRUE.equals(done)) {
          n++;
        }
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
  @Transactional
  public boolean anonymise(UUID programmeId, RemovalReason reason) {
    if (!repository.claim(programmeId, clock.instant())) {
      return false;
    }
    removals.anonymiseProgramme(programmeId, reason);
    int registrations =
        jdbc.sql("select count(*) from registration_facts where programme_id = :p")
            .param("p", programmeId)
            .query(Integer.class)
            .single();
    UUID org = repository.period(programmeId).map(RetentionPeriod::organisationId).orElse(null);
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
