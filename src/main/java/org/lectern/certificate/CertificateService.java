package org.lectern.certificate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateRenderingException;
import org.lectern.certificate.document.CertificateTemplateException;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.logging.Scrubbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What organisers do with certificates: see who is eligible, override, issue (in bulk or one by
 * one), revoke, re-issue, download. Every action that shows or changes personal data is audited.
 */
@Service
public record CertificateService(
    ProgrammeService programmes,
    ProgrammeRecords records,
    Eligibility eligibility,
    Issuing issuing,
    Overrides overrides,
    CertificateRepository certificates,
    AuditLog audit,
    Transactions transactions,
    Clock clock) {

  private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

  /** The eligibility page: every confirmed delegate, and every certificate ever issued. */
  public record Overview(
      Programme programme, List<EligibilityRow> rows, List<Certificate> certificates) {}

  /**
   * The outcome of a bulk issue; {@code failed} are registration ids whose PDF could not be made.
   */
  public record Issued(int issued, int skipped, List<UUID> failed) {}

  public Overview overview(LecternUser actor, UUID programmeId) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          List<EligibilityRow> rows = eligibility.of(records.load(programmeId));
          List<Certificate> all = certificates.ofProgramme(programmeId, Integer.MAX_VALUE, 0);
          record(
              actor,
              p,
              "certificate.listed",
              "programme",
              programmeId.toString(),
              rows.size(),
              null);
          return new Overview(p, rows, all);
        });
  }

  public List<Certificate> list(LecternUser actor, UUID programmeId, int limit, int offset) {
    programmes.manageable(actor, programmeId);
    return certificates.ofProgramme(programmeId, limit, offset);
  }

  public int count(LecternUser actor, UUID programmeId) {
    programmes.manageable(actor, programmeId);
    return certificates.count(programmeId, false);
  }

  /**
   * Issues to everyone eligible who has no valid certificate yet, each in its own transaction: a
   * name the fonts cannot print fails that one certificate, not the others.
   */
  public Issued issueAll(LecternUser actor, UUID programmeId) {
    Programme p = programmes.manageable(actor, programmeId);
    ProgrammeRecord record = records.load(programmeId);
    int issued = 0;
    int skipped = 0;
    List<UUID> failed = new ArrayList<>();
    for (EligibilityRow row : eligibility.of(record)) {
      if (!row.eligible() || row.issued()) {
        skipped++;
        continue;
      }
      try {
        boolean created =
            Boolean.TRUE.equals(transactions.result(() -> issueAudited(actor, p, record, row)));
        if (created) {
          issued++;
        } else {
          skipped++;
        }
      } catch (CertificateRenderingException
          | CertificateTemplateException
          | IllegalArgumentException e) {
        notIssued(row.registrationId(), e);
        failed.add(row.registrationId());
      }
    }
    return new Issued(issued, skipped, failed);
  }

  public Certificate issueOne(LecternUser actor, UUID programmeId, UUID registrationId) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          ProgrammeRecord record = records.load(programmeId);
          EligibilityRow row = row(record, registrationId);
          if (!row.eligible()) {
            throw new ConflictException("certificate.notEligible");
          }
          boolean created;
          try {
            created = issueAudited(actor, p, record, row);
          } catch (CertificateRenderingException | CertificateTemplateException e) {
            notIssued(registrationId, e);
            throw new ConflictException("certificate.unprintable");
          }
          if (!created) {
            throw new ConflictException("certificate.alreadyIssued");
          }
          return certificates.validOf(registrationId).orElseThrow();
        });
  }

  private boolean issueAudited(
      LecternUser actor, Programme p, ProgrammeRecord record, EligibilityRow row) {
    return issuing
        .issue(record, row)
        .map(
            c -> {
              record(
                  actor,
                  p,
                  "certificate.issued",
                  "certificate",
                  c.code(),
                  1,
                  c.overridden() ? "override" : null);
              return true;
            })
        .orElse(false);
  }

  public void override(LecternUser actor, UUID programmeId, UUID registrationId, String reason) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          var problems = new InvalidInputException.Collector();
          String why =
              problems.requiredText(
                  reason,
                  "reason",
                  Certificate.REASON_MAX,
                  "validation.required",
                  "validation.tooLong");
          problems.throwIfAny();
          row(records.load(programmeId), registrationId);
          overrides.put(programmeId, registrationId, why, actor.id(), clock.instant());
          // The reason may name the person's circumstances: kept with the override, not in the log.
          recordOne(actor, p, "certificate.overridden", "registration", registrationId.toString());
        });
  }

  public void removeOverride(LecternUser actor, UUID programmeId, UUID registrationId) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          if (overrides.remove(programmeId, registrationId)) {
            recordOne(
                actor, p, "certificate.overrideRemoved", "registration", registrationId.toString());
          }
        });
  }

  public Certificate revoke(LecternUser actor, String code, String reason) {
    return transactions.result(
        () -> {
          Certificate c = manageable(actor, code);
          certificates.lock(c.registrationId());
          Certificate revoked = c.revoke(reason, clock);
          certificates.updateStatus(revoked);
          recordOne(
              actor,
              programmes.find(c.programmeId()).orElseThrow(),
              "certificate.revoked",
              "certificate",
              c.code());
          return revoked;
        });
  }

  public Certificate reissue(LecternUser actor, String code, String correctedName) {
    return transactions.result(
        () -> {
          Certificate c = manageable(actor, code);
          if (!c.isValid()) {
            throw new ConflictException("certificate.notValid");
          }
          Certificate created = issuing.reissue(records.load(c.programmeId()), c, correctedName);
          record(
              actor,
              programmes.find(c.programmeId()).orElseThrow(),
              "certificate.reissued",
              "certificate",
              created.code(),
              1,
              "supersedes=" + c.code());
          return created;
        });
  }

  /** The certificate if the actor manages its programme; 404 otherwise. */
  public Certificate manageable(LecternUser actor, String code) {
    return transactions.read(
        () -> {
          Certificate c =
              CertificateCode.tryParse(code)
                  .flatMap(x -> certificates.findByCode(x.compact()))
                  .orElseThrow(() -> new NotFoundException("certificate.notFound"));
          Programme p = programmes.find(c.programmeId()).orElseThrow();
          if (!programmes.canManage(actor, p)) {
            throw new NotFoundException("certificate.notFound");
          }
          return c;
        });
  }

  public byte[] pdf(LecternUser actor, String code) {
    return transactions.result(
        () -> {
          Certificate c = manageable(actor, code);
          recordOne(
              actor,
              programmes.find(c.programmeId()).orElseThrow(),
              "certificate.downloaded",
              "certificate",
              c.code());
          return certificates
              .pdf(c.id())
              .orElseThrow(() -> new NotFoundException("certificate.holderRemoved.pdf"));
        });
  }

  private static void notIssued(UUID registrationId, Exception e) {
    // The message may quote the holder's name (e.g. a glyph the font lacks): types only.
    log.warn(
        "Certificate for registration {} not issued: {}", registrationId, Scrubbed.describe(e));
  }

  private EligibilityRow row(ProgrammeRecord record, UUID registrationId) {
    return eligibility.of(record).stream()
        .filter(r -> r.registrationId().equals(registrationId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("certificate.registrationNotFound"));
  }

  /** One subject, no details. */
  private void recordOne(
      LecternUser actor, Programme p, String action, String type, String subject) {
    record(actor, p, action, type, subject, 1, null);
  }

  private void record(
      LecternUser actor,
      Programme p,
      String action,
      String type,
      String subject,
      int count,
      String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            p.organisationId(),
            type,
            subject,
            count,
            details));
  }
}
