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
    MailFiles files,
    SharedBodies bodies,
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
   * loaded and stored once per batch, not once per mail (the calendar file is stored once for all
   * mails that send the same file, {@link MailFiles}). A memo that {@link #collects} keeps the
   * composed mails for {@link #queue} and may know the people's languages ({@link #remember}).
   */
  static final class Memo {
    private final Map<UUID, ProgrammeFacts> facts = new HashMap<>();
    private final Map<String, MailAttachment> calendars = new HashMap<>();
    private final Map<String, String> languages = new HashMap<>();
    // Kind, programme and language -> the mail laid out without its greeting (issue 16, eighth
    // pass): within a batch, the mails that differ only in the greeting are laid out once.
    private final Map<String, Alike> alike = new HashMap<>();
    private final List<Outbox.Composed> composed;

    Memo() {
      this.composed = null;
    }

    private Memo(List<Outbox.Composed> composed) {
      this.composed = composed;
    }

    /** Forgets the stored files (after a rollback that may have removed them). */
    void forgetFiles() {
      calendars.clear();
      alike.clear();
    }

    /** A memo that keeps the mails for one insert of all ({@link #queue}). */
    static Memo collects() {
      return new Memo(new ArrayList<>());
    }
  }

  /**
   * Records the addresses of these people in one statement and notes the language each is written
   * in (issue 16: one statement per mail).
   */
  void remember(java.util.Collection<MailRecipient> contacts, Memo memo) {
    Map<String, String> asked = new HashMap<>();
    contacts.forEach(c -> asked.put(c.email(), Wording.language(c.language()).code()));
    memo.languages.putAll(directory.rememberAll(asked));
  }

  /** Queues the mails a collecting memo kept, in one insert; answers how many were queued. */
  int queue(Memo memo) {
    int queued = memo.composed == null ? 0 : outbox.enqueueAll(memo.composed);
    if (memo.composed != null) {
      memo.composed.clear();
    }
    return queued;
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
          String known = memo.languages.get(contact.email());
          String lang =
              known != null
                  ? known
                  : directory.remember(
                      contact.email(), Wording.language(contact.language()).code());
          ProgrammeFacts p = memo.facts.computeIfAbsent(contact.programmeId(), facts::load);
          String greeting = frame.greeting(lang, contact.fullName(), p.neutral());
          if (waitlistPosition == null
              && (organiserMessage == null || organiserMessage.isBlank())) {
            Alike a =
                memo.alike.computeIfAbsent(
                    kind.code() + " " + p.programme().id() + " " + lang,
                    k -> {
                      Parts parts = parts(kind, p, lang, null, null, memo);
                      return new Alike(parts, renderer.skeleton(parts.content(greeting)));
                    });
            if (a.skeleton() != null && memo.composed != null) {
              // Queued together: the words stored once for the batch, the greeting per mail
              // (issue 16, tenth pass).
              UUID body = a.storedBody(p, lang, bodies);
              if (body != null) {
                OutgoingMail mail =
                    new OutgoingMail(
                            kind.code(),
                            contact.registrationId(),
                            contact.email(),
                            lang,
                            a.skeleton().content().subject(),
                            null,
                            null,
                            a.parts().attachments(),
                            kind.code() + ":" + contact.registrationId(),
                            p.neutral())
                        .withSenderName(p.senderName())
                        .about(p.programme().id(), p.programme().organisationId());
                return memo.composed.add(new Outbox.Composed(mail, body, greeting));
              }
            }
            if (a.skeleton() != null) {
              return queue(
                  a.skeleton()
                      .withGreeting(greeting)
                      .mail(
                          kind.code(),
                          contact.registrationId(),
                          contact.email(),
                          a.parts().attachments(),
                          kind.code() + ":" + contact.registrationId(),
                          p.neutral()),
                  p,
                  memo);
            }
          }
          Parts parts = parts(kind, p, lang, waitlistPosition, organiserMessage, memo);
          return queue(
              renderer
                  .layout(parts.content(greeting))
                  .mail(
                      kind.code(),
                      contact.registrationId(),
                      contact.email(),
                      parts.attachments(),
                      kind.code() + ":" + contact.registrationId(),
                      p.neutral()),
              p,
              memo);
        });
  }

  /** A mail's words and files but its greeting; the same for everyone without a position. */
  private record Parts(
      String lang,
      String subject,
      List<String> paragraphs,
      List<MailContent.Fact> shown,
      List<MailAttachment> attachments,
      MailContent.Link myTrainings,
      List<String> footer) {

    MailContent content(String greeting) {
      return new MailContent(lang, subject, greeting, paragraphs, shown, myTrainings, footer);
    }
  }

  /** The parts shared by a batch's alike mails, and their layout (null: laid out each time). */
  private static final class Alike {
    private final Parts parts;
    private final MailRenderer.Skeleton skeleton;
    private UUID body;

    Alike(Parts parts, MailRenderer.Skeleton skeleton) {
      this.parts = parts;
      this.skeleton = skeleton;
    }

    Parts parts() {
      return parts;
    }

    MailRenderer.Skeleton skeleton() {
      return skeleton;
    }

    /**
     * The stored words of these mails (stored once per batch); null when they send a file of their
     * own, which is stored with each mail as before.
     */
    UUID storedBody(ProgrammeFacts p, String lang, SharedBodies bodies) {
      if (body == null) {
        List<UUID> files = parts.attachments().stream().map(MailAttachment::sharedId).toList();
        if (files.size() > 1 || files.contains(null)) {
          return null;
        }
        body =
            bodies.store(
                p.programme().id(), lang, skeleton.body(), files.isEmpty() ? null : files.get(0));
      }
      return body;
    }
  }

  private boolean queue(OutgoingMail rendered, ProgrammeFacts p, Memo memo) {
    OutgoingMail mail =
        rendered
            .withSenderName(p.senderName())
            .about(p.programme().id(), p.programme().organisationId());
    if (memo.composed != null) {
      return memo.composed.add(new Outbox.Composed(mail));
    }
    return outbox.enqueue(mail);
  }

  private Parts parts(
      RegistrationMailKind kind,
      ProgrammeFacts p,
      String lang,
      Integer waitlistPosition,
      String organiserMessage,
      Memo memo) {
    String key = "notification." + kind.key();
    List<String> paragraphs = new ArrayList<>(List.of(wording.t(lang, key + ".body")));
    List<MailContent.Fact> shown = new ArrayList<>(frame.programmeFacts(p, lang));
    if (waitlistPosition != null) {
      shown.add(
          0,
          new MailContent.Fact(
              wording.t(lang, "notification.fact.position"), String.valueOf(waitlistPosition)));
    }
    if (organiserMessage != null && !organiserMessage.isBlank()) {
      shown.add(
          0, new MailContent.Fact(wording.t(lang, "notification.fact.message"), organiserMessage));
    }
    List<MailAttachment> attachments = new ArrayList<>();
    if (kind.withCalendar() && !p.sessions().isEmpty()) {
      paragraphs.add(wording.t(lang, "notification.calendar.attached"));
      attachments.add(
          memo.calendars.computeIfAbsent(
              p.programme().id() + " " + lang,
              k -> files.store(p.programme().id(), lang, calendarFile(p, lang))));
    }
    String subject =
        p.neutral()
            ? frame.neutralSubject(p, lang)
            : wording.t(lang, key + ".subject", p.title(lang));
    return new Parts(
        lang,
        subject,
        List.copyOf(paragraphs),
        List.copyOf(shown),
        List.copyOf(attachments),
        frame.myTrainings(lang),
        frame.footer(lang, p.neutral()));
  }

  private MailAttachment calendarFile(ProgrammeFacts p, String lang) {
    var listing = new TrainingCalendar.Listing(p.programme(), p.sessions(), p.neutral());
    return new MailAttachment(
        listing.fileName(),
        MailAttachment.CALENDAR,
        calendar.of(listing, lang).getBytes(StandardCharsets.UTF_8));
  }
}
