package org.lectern.attendance.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.attendance.report.ParsedReport;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Importing a provider's attendance report into a session: directly (API), or uploaded, previewed,
 * reviewed and confirmed (back office). Recording is one transaction; the same file twice records
 * nothing new; a second file merges into what is there.
 */
@NamedInterface("importing")
@Service
public record AttendanceImportService(
    SessionService sessions,
    ProgrammeService programmes,
    RegistrantDirectory registrations,
    AliasRepository decisions,
    UploadRepository uploads,
    ImportRepository store,
    PersonalDataCipher cipher,
    AuditLog audit,
    @Value("${lectern.attendance.max-upload-bytes:20971520}") long maxBytes,
    Transactions transactions) {

  /** A previewed upload: the plan, and the registrations the organiser may choose from. */
  public record Preview(
      UUID uploadId,
      String fileName,
      ImportChoices choices,
      ImportPlan plan,
      List<Registrant> choosable) {}

  public long maxBytes() {
    return maxBytes;
  }

  /** Reads, matches (with remembered decisions) and records a report in one go. */
  public ImportSummary importFile(
      LecternUser actor, UUID sessionId, byte[] content, ImportChoices choices) {
    return transactions.result(
        () -> {
          Session s = sessions.manageable(actor, sessionId);
          Programme p = programmes.manageable(actor, s.programmeId());
          ImportPlan plan = plan(s, p, content, choices).plan;
          return record(actor, s, p, plan, List.of());
        });
  }

  /** Keeps an upload for preview; reading errors show on the preview. */
  public UUID upload(LecternUser actor, UUID sessionId, String fileName, byte[] content) {
    return transactions.result(
        () -> {
          Session s = sessions.manageable(actor, sessionId);
          checkSize(content);
          String name = fileName == null || fileName.isBlank() ? "report" : fileName.strip();
          return uploads.store(
              s.id(),
              actor.id(),
              name.length() > 200 ? name.substring(0, 200) : name,
              content,
              hash(content));
        });
  }

  /** What confirming the upload would record; throws {@link ImportRefused} for unreadable files. */
  public Preview preview(LecternUser actor, UUID sessionId, UUID uploadId) {
    Session s = sessions.manageable(actor, sessionId);
    Programme p = programmes.manageable(actor, s.programmeId());
    UploadRepository.Upload u = upload(s, uploadId);
    Planned planned = plan(s, p, u.content(), u.choices());
    List<Registrant> choosable =
        planned.index.all().stream()
            .sorted(
                java.util.Comparator.comparing(Registrant::fullName, String.CASE_INSENSITIVE_ORDER))
            .toList();
    return new Preview(u.id(), u.fileName(), u.choices(), planned.plan, choosable);
  }

  /** The upload itself (its name and the choices made so far), without reading it. */
  public record Pending(String fileName, ImportChoices choices) {}

  public Pending pending(LecternUser actor, UUID sessionId, UUID uploadId) {
    Session s = sessions.manageable(actor, sessionId);
    UploadRepository.Upload u = upload(s, uploadId);
    return new Pending(u.fileName(), u.choices());
  }

  /** The organiser's answer to "which day order / meeting / time zone". */
  public void choose(LecternUser actor, UUID sessionId, UUID uploadId, ImportChoices choices) {
    transactions.run(
        () -> {
          Session s = sessions.manageable(actor, sessionId);
          uploads.choose(upload(s, uploadId).id(), choices);
        });
  }

  /** Records the upload with the organiser's answers, remembers them, and forgets the upload. */
  public ImportSummary confirm(
      LecternUser actor, UUID sessionId, UUID uploadId, Collection<Resolution> resolutions) {
    return transactions.result(
        () -> {
          Session s = sessions.manageable(actor, sessionId);
          Programme p = programmes.manageable(actor, s.programmeId());
          UploadRepository.Upload u = upload(s, uploadId);
          Planned planned = plan(s, p, u.content(), u.choices());
          ImportPlan resolved = planned.plan.resolve(resolutions, planned.index);
          List<Resolution> remembered = new ArrayList<>(resolutions);
          ImportSummary summary = record(actor, s, p, resolved, remembered);
          uploads.delete(u.id());
          return summary;
        });
  }

  private record Planned(ImportPlan plan, RegistrantIndex index) {}

  private Planned plan(Session s, Programme p, byte[] content, ImportChoices choices) {
    checkSize(content);
    ParsedReport report = ReportReading.read(content, s, p.timeZone(), choices, maxBytes);
    RegistrantIndex index = new RegistrantIndex(registrations.of(p.id()));
    Decisions known = new Decisions(decisions.ofProgramme(p.id()), decisions::index);
    return new Planned(ImportPlan.of(report, hash(content), index, known, s), index);
  }

  private ImportSummary record(
      LecternUser actor, Session s, Programme p, ImportPlan plan, List<Resolution> answers) {
    store.lockSession(s.id());
    Optional<ImportSummary> earlier = store.findImport(s.id(), plan.contentHash());
    if (earlier.isPresent()) {
      return earlier.get().asRepeat();
    }
    var summary =
        new ImportSummary(
            UUID.randomUUID(),
            plan.report().format(),
            plan.report().rows(),
            plan.people().size(),
            (int) plan.matched(),
            (int) plan.unmatched(),
            false);
    store.insertImport(s.id(), plan.contentHash(), summary, actor.id());
    var merged =
        PeopleMerge.merge(
            plan, store.people(s.id()), k -> cipher.blindIndex(k, "attendance.person"));
    store.save(s.id(), summary.importId(), merged.people(), merged.existing());
    for (Resolution r : answers) {
      if (r.index() >= 0 && r.index() < plan.people().size()) {
        var person = plan.people().get(r.index()).participant();
        for (String alias : RegistrantIndex.aliasKeys(person)) {
          decisions.remember(p.id(), alias, r.registrationId(), actor.id());
        }
      }
    }
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.displayName(),
            "attendance.imported",
            p.organisationId(),
            "session",
            s.id().toString(),
            summary.participants(),
            "format=" + summary.format()));
    return summary;
  }

  private UploadRepository.Upload upload(Session s, UUID uploadId) {
    return uploads
        .find(uploadId, s.id())
        .orElseThrow(() -> new NotFoundException("attendance.upload.expired"));
  }

  private void checkSize(byte[] content) {
    if (content.length > maxBytes) {
      throw new ImportRefused(
          "attendance.import.tooLarge",
          0,
          0,
          List.of(),
          String.valueOf(content.length),
          String.valueOf(maxBytes));
    }
  }

  static String hash(byte[] content) {
    return Sha256.hex(content);
  }
}
