package org.lectern.registration;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.text.TextInput;
import org.springframework.stereotype.Service;

/**
 * What organisers do with registrations: list, search, decide, move, cancel, export. Every read of
 * personal data writes an audit entry in the same transaction; every change does too.
 */
@Service
public record RegistrationAdminService(
    ProgrammeService programmes,
    RegistrationRepository registrations,
    AnswerRepository answers,
    FormSetupRepository forms,
    EnrolmentService enrolment,
    AuditLog audit,
    Transactions transactions) {

  /** One page of a listing, the total matching, and counts by status for the filters. */
  public record Listing(List<Registration> items, int total, Map<String, Integer> counts) {}

  /**
   * Lists a programme's registrations. A search decrypts every registration of the programme in
   * memory and matches name and e-mail there: fine for the hundreds a programme has; the search
   * text itself is not audited, being personal data.
   */
  public Listing list(
      LecternUser actor,
      UUID programmeId,
      RegistrationStatus status,
      String search,
      int limit,
      int offset) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          List<Registration> items;
          int total;
          if (search == null || search.isBlank()) {
            items = registrations.ofProgramme(programmeId, status, limit, offset);
            total = registrations.count(programmeId, status);
          } else {
            String needle = TextInput.searchKey(search.strip());
            List<Registration> all =
                registrations.ofProgramme(programmeId, status, Integer.MAX_VALUE, 0).stream()
                    .filter(r -> matches(r, needle))
                    .toList();
            items = all.stream().skip(offset).limit(limit).toList();
            total = all.size();
          }
          record(
              actor,
              p,
              search == null || search.isBlank() ? "registration.listed" : "registration.searched",
              programmeId.toString(),
              items.size(),
              status == null ? null : "status=" + status);
          return new Listing(items, total, registrations.countsByStatus(programmeId));
        });
  }

  private static boolean matches(Registration r, String needle) {
    // Names stored before the text rule may be decomposed: both sides are compared in NFC.
    return TextInput.searchKey(r.details().fullName()).contains(needle)
        || TextInput.searchKey(r.details().email()).contains(needle);
  }

  /** Everything needed for an export: registrations, their answers and the questions. */
  public record Export(
      Programme programme,
      List<Registration> registrations,
      Map<UUID, List<Answer>> answers,
      List<Question> questions) {}

  public Export export(
      LecternUser actor, UUID programmeId, RegistrationStatus status, String format) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          var list = registrations.ofProgramme(programmeId, status, Integer.MAX_VALUE, 0);
          record(
              actor,
              p,
              "registration.exported",
              programmeId.toString(),
              list.size(),
              "format=" + format + (status == null ? "" : ",status=" + status));
          return new Export(
              p, list, answers.ofProgramme(programmeId), forms.questions(programmeId));
        });
  }

  public Registration approve(LecternUser actor, UUID registrationId) {
    return transactions.result(
        () -> {
          Registration r = manageable(actor, registrationId);
          return audited(actor, "registration.approved", enrolment.approve(r));
        });
  }

  public Registration decline(LecternUser actor, UUID registrationId, String message) {
    return transactions.result(
        () -> {
          Registration r = manageable(actor, registrationId);
          String m = message == null || message.isBlank() ? null : message.strip();
          return audited(actor, "registration.declined", enrolment.decline(r, m));
        });
  }

  public Registration confirm(LecternUser actor, UUID registrationId) {
    return transactions.result(
        () -> {
          Registration r = manageable(actor, registrationId);
          return audited(actor, "registration.confirmed", enrolment.confirm(r));
        });
  }

  public Registration toWaitlist(LecternUser actor, UUID registrationId) {
    return transactions.result(
        () -> {
          Registration r = manageable(actor, registrationId);
          return audited(actor, "registration.waitlisted", enrolment.toWaitlist(r));
        });
  }

  public Registration cancel(LecternUser actor, UUID registrationId) {
    return transactions.result(
        () -> {
          Registration r = manageable(actor, registrationId);
          return audited(actor, "registration.cancelled", enrolment.cancel(r));
        });
  }

  /** The registration if the actor may manage its programme; else 404 (not even its existence). */
  private Registration manageable(LecternUser actor, UUID registrationId) {
    Registration r =
        registrations
            .find(registrationId)
            .orElseThrow(() -> new NotFoundException("registration.notFound"));
    try {
      programmes.manageable(actor, r.programmeId());
    } catch (org.lectern.shared.error.DomainException e) {
      throw new NotFoundException("registration.notFound");
    }
    return r;
  }

  private Registration audited(LecternUser actor, String action, Registration r) {
    Programme p = programmes.find(r.programmeId()).orElseThrow();
    record(actor, p, action, r.id().toString(), 1, null);
    return r;
  }

  private void record(
      LecternUser actor, Programme p, String action, String subject, int count, String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            p.organisationId(),
            action.equals("registration.listed")
                    || action.equals("registration.searched")
                    || action.equals("registration.exported")
                ? "programme"
                : "registration",
            subject,
            count,
            details));
  }
}
