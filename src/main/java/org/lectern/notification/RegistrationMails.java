package org.lectern.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.DelegateAccounts;
import org.lectern.session.TrainingCalendar;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/**
 * Composes and queues the e-mails of a registration's life, in the delegate's language. Called
 * inside the registration's transaction (by the listener of registration events), so the mail is
 * queued exactly when the change commits. One mail per registration and kind: a redelivered event
 * queues nothing new.
 */
@Service
public record RegistrationMails(
    Outbox outbox,
    ProgrammeFactsLoader facts,
    MailFrame frame,
    Wording wording,
    MailRenderer renderer,
    TrainingCalendar calendar,
    DelegateAccounts directory,
    Transactions transactions) {

  /**
   * Queues the mail of {@code kind} for {@code contact}.
   *
   * @param waitlistPosition shown in a waitlist mail when known (1 = next in line), else null
   * @param organiserMessage the organiser's words in a decline mail, else null
   * @return false when this mail had already been queued
   */
  public boolean send(
      RegistrationMailKind kind,
      MailRecipient contact,
      Integer waitlistPosition,
      String organiserMessage) {
    return transactions.joined(
        () -> send(kind, contact, waitlistPosition, organiserMessage, new Memo()));
  }

  /**
   * What mails composed together share: each programme's facts and calendar file (per language) are
   * loaded and written once per batch, not once per mail.
   */
  static final class Memo {
    private final Map<UUID, ProgrammeFacts> facts = new HashMap<>();
    private final Map<String, MailAttachment> calendars = new HashMap<>();
  }

  /** As {@link #send(RegistrationMailKind, MailRecipient, Integer, String)}, sharing a memo. */
  boolean send(
      RegistrationMailKind kind,
      MailRecipient contact,
      Integer waitlistPosition,
      String organiserMessage,
      Memo memo) {
    return transactions.joined(
        () -> {
          String lang =
              directory.remember(contact.email(), Wording.language(contact.language()).code());
          ProgrammeFacts p = memo.facts.computeIfAbsent(contact.programmeId(), facts::load);
          String key = "notification." + kind.key();
          List<String> paragraphs = new ArrayList<>(List.of(wording.t(lang, key + ".body")));
          List<MailContent.Fact> shown = new ArrayList<>(frame.programmeFacts(p, lang));
          if (waitlistPosition != null) {
            shown.add(
                0,
                new MailContent.Fact(
                    wording.t(lang, "notification.fact.position"),
                    String.valueOf(waitlistPosition)));
          }
          if (organiserMessage != null && !organiserMessage.isBlank()) {
            shown.add(
                0,
                new MailContent.Fact(
                    wording.t(lang, "notification.fact.message"), organiserMessage));
          }
          List<MailAttachment> attachments = new ArrayList<>();
          if (kind.withCalendar() && !p.sessions().isEmpty()) {
            paragraphs.add(wording.t(lang, "notification.calendar.attached"));
            attachments.add(
                memo.calendars.computeIfAbsent(
                    p.programme().id() + " " + lang, k -> calendarFile(p, lang)));
          }
          String subject =
              p.neutral()
                  ? frame.neutralSubject(p, lang)
                  : wording.t(lang, key + ".subject", p.title(lang));
          MailContent content =
              new MailContent(
                  lang,
                  subject,
                  frame.greeting(lang, contact.fullName(), p.neutral()),
                  paragraphs,
                  shown,
                  frame.myTrainings(lang),
                  frame.footer(lang, p.neutral()));
          return outbox.enqueue(
              renderer
                  .mail(
                      content,
                      kind.code(),
                      contact.registrationId(),
                      contact.email(),
                      attachments,
                      kind.code() + ":" + contact.registrationId(),
                      p.neutral())
                  .withSenderName(p.senderName())
                  .about(p.programme().id(), p.programme().organisationId()));
        });
  }

  private MailAttachment calendarFile(ProgrammeFacts p, String lang) {
    var listing = new TrainingCalendar.Listing(p.programme(), p.sessions(), p.neutral());
    return new MailAttachment(
        listing.fileName(),
        MailAttachment.CALENDAR,
        calendar.of(listing, lang).getBytes(StandardCharsets.UTF_8));
  }
}
