package org.lectern.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.DelegateAccounts;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Service;

/**
 * Organiser announcements to every confirmed delegate of a programme, each in the delegate's
 * language (falling back to the programme's). The form's nonce makes a double submit send once.
 */
@Service
record Announcements(
    ProgrammeService programmes,
    ProgrammeFactsLoader facts,
    DelegateRegistrations registrations,
    DelegateAccounts directory,
    Outbox outbox,
    MailRenderer renderer,
    MailFrame frame,
    Wording wording,
    AuditLog audit,
    AnnouncementOptOuts optOuts,
    Transactions transactions) {

  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 10_000;

  /** Queues the announcement to each confirmed delegate; returns how many were queued now. */
  int send(
      LecternUser actor, UUID programmeId, UUID nonce, LocalizedText subject, LocalizedText body) {
    return transactions.result(
        () -> {
          var programme = programmes.manageable(actor, programmeId);
          var problems = new InvalidInputException.Collector();
          problems.check(
              !subject.isEmpty(), "subject." + programme.mainLanguage(), "validation.required");
          problems.check(
              !body.isEmpty(), "body." + programme.mainLanguage(), "validation.required");
          subject
              .values()
              .forEach(
                  (l, v) ->
                      problems.check(
                          v.length() <= MAX_SUBJECT,
                          "subject." + l,
                          "validation.tooLong",
                          MAX_SUBJECT));
          body.values()
              .forEach(
                  (l, v) ->
                      problems.check(
                          v.length() <= MAX_BODY, "body." + l, "validation.tooLong", MAX_BODY));
          problems.throwIfAny();
          ProgrammeFacts p = facts.load(programmeId);
          var optedOut = optOuts.of(programmeId);
          List<MailRecipient> contacts =
              registrations.confirmedOf(programmeId).stream()
                  .filter(c -> !optedOut.contains(c.registrationId()))
                  .toList();
          int queued = 0;
          for (MailRecipient c : contacts) {
            if (outbox.enqueue(mail(p, c, nonce, subject, body))) {
              queued++;
            }
          }
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "mail.announcementSent",
                  programme.organisationId(),
                  "programme",
                  programmeId.toString(),
                  contacts.size(),
                  null));
          return queued;
        });
  }

  OutgoingMail mail(
      ProgrammeFacts p, MailRecipient c, UUID nonce, LocalizedText subject, LocalizedText body) {
    String lang = directory.chosenLanguage(c.email()).orElse(Wording.language(c.language()).code());
    var languages = p.programme().languages();
    String ownSubject = subject.in(lang, languages);
    List<String> paragraphs = new ArrayList<>();
    if (p.neutral()) {
      paragraphs.add(ownSubject);
    }
    paragraphs.add(body.in(lang, languages));
    String unsubscribe = optOuts.url(p.programme().id(), c.registrationId());
    List<String> footer = new ArrayList<>(frame.footer(lang, p.neutral()));
    footer.add(wording.t(lang, "notification.announcement.unsubscribe", unsubscribe));
    MailContent content =
        new MailContent(
            lang,
            p.neutral() ? wording.t(lang, "notification.announcement.neutral.subject") : ownSubject,
            frame.greeting(lang, c.fullName(), p.neutral()),
            paragraphs,
            List.of(),
            frame.myTrainings(lang),
            footer);
    return renderer
        .layout(content)
        .mail(
            "programme.announcement",
            p.programme().id(),
            c.email(),
            List.of(),
            "programme.announcement:" + nonce + ":" + c.registrationId(),
            p.neutral())
        .withSenderName(p.senderName())
        .about(p.programme().id(), p.programme().organisationId())
        .withUnsubscribeUrl(unsubscribe);
  }
}
