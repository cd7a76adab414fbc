package org.lectern.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit log of personal data. Writing joins the caller's transaction, so a listing that fails
 * leaves no entry and an entry is never lost for a listing that was shown. Only the codes of {@link
 * AuditAction} are accepted.
 */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditChain chain;
  private final Map<String, AuditSubjects> subjects = new HashMap<>();

  AuditLog(JdbcClient jdbc, Clock clock, AuditChain chain, List<AuditSubjects> subjects) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.chain = chain;
    subjects.forEach(s -> this.subjects.put(s.subjectType(), s));
  }

  /**
   * What is being recorded; details must not contain personal data. Without {@code programmeId} the
   * programme is found from the subject (a programme, session, registration or certificate).
   */
  public record Record(
      UUID actorId,
      String actorLabel,
      String action,
      UUID organisationId,
      String subjectType,
      String subjectId,
      Integer count,
      String details,
      UUID programmeId) {

    public Record(
        UUID actorId,
        String actorLabel,
        String action,
        UUID organisationId,
        String subjectType,
        String subjectId,
        Integer count,
        String details) {
      this(
          actorId,
          actorLabel,
          action,
          organisationId,
          subjectType,
          subjectId,
          count,
          details,
          null);
    }
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(Record r) {
    if (AuditAction.ofCode(r.action()).isEmpty()) {
      throw new IllegalArgumentException(
          "Audit action " + r.action() + " is not listed in AuditAction");
    }
    jdbc.sql(
            """
            insert into audit_entry (id, at, actor_id, actor_label, action, organisation_id,
              programme_id, subject_type, subject_id, count, details)
            values (:id, :at, :actor, :label, :action, :org, :programme, :type, :subject, :count,
              :details)
            """)
        .param("id", UUID.randomUUID())
        .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
        .param("actor", r.actorId())
        .param("label", r.actorLabel())
        .param("action", r.action())
        .param("org", r.organisationId())
        .param(
            "programme",
            r.programmeId() != null ? r.programmeId() : programmeOf(r.subjectType(), r.subjectId()))
        .param("type", r.subjectType())
        .param("subject", r.subjectId())
        .param("count", r.count())
        .param("details", r.details())
        .update();
    linkAfterCommit();
  }

  /** Once per transaction: link its entries into the chain as soon as it has committed. */
  private void linkAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(chain)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(chain, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(chain);
            if (status != STATUS_COMMITTED) {
              return;
            }
            try {
              chain.link();
            } catch (RuntimeException e) {
              // The entry is committed; the minute task links it later.
              log.warn("Audit entries not linked yet: {}", e.getClass().getSimpleName());
            }
          }
        });
  }

  private UUID programmeOf(String type, String subject) {
    if (type == null || subject == null) {
      return null;
    }
    if (type.equals("programme")) {
      try {
        return UUID.fromString(subject);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    AuditSubjects owner = subjects.get(type);
    return owner == null ? null : owner.programmeOf(subject).orElse(null);
  }

  public List<AuditEntry> recent(UUID organisationId, int limit, int offset) {
    var filter = new AuditFilter(organisationId == null ? null : List.of(organisationId));
    return search(filter, limit, offset);
  }

  /** Entries matching the filter, newest first. */
  public List<AuditEntry> search(AuditFilter f, int limit, int offset) {
    return f.apply(
            jdbc.sql(
                "select "
                    + AuditFilter.COLUMNS
                    + " from audit_entry where "
                    + f.where()
                    + " order by at desc, id limit :l offset :o"))
        .param("l", limit)
        .param("o", offset)
        .query(AuditFilter::entry)
        .list();
  }

  /** The people who appear in entries the filter's organisations may see, by label. */
  public List<AuditEntry.Actor> actors(AuditFilter f) {
    var scope = new AuditFilter(f.organisations());
    return scope
        .apply(
            jdbc.sql(
                "select actor_id, max(actor_label) as label from audit_entry where "
                    + scope.where()
                    + " and actor_id is not null group by actor_id order by 2 limit 500"))
        .query((rs, i) -> new AuditEntry.Actor(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
  }
}
