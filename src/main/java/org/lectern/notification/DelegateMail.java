package org.lectern.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules (certificates): queue a mail to a delegate in the house frame — greeting, link
 * to "My trainings", footer — with the words and attachments the caller composed.
 */
@Service
public class DelegateMail {

  private final Outbox outbox;
  private final MailFrame frame;
  private final MailRenderer renderer;
  private final SenderNames senders;

  DelegateMail(Outbox outbox, MailFrame frame, MailRenderer renderer, SenderNames senders) {
    this.outbox = outbox;
    this.frame = frame;
    this.renderer = renderer;
    this.senders = senders;
  }

  /**
   * One mail, already translated into {@code language}.
   *
   * @param kind dotted code, e.g. {@code certificate.issued}
   * @param dedupeKey the same key twice queues one mail
   */
  public record Message(
      String kind,
      UUID relatedId,
      String to,
      String fullName,
      String language,
      String subject,
      List<String> paragraphs,
      List<MailContent.Fact> facts,
      List<MailAttachment> attachments,
      String dedupeKey,
      boolean neutral,
      UUID programmeId) {}

  /** Queues it in the caller's transaction; false when the dedupe key was queued before. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean send(Message m) {
    MailContent content =
        new MailContent(
            m.language(),
            m.subject(),
            frame.greeting(m.language(), m.fullName(), m.neutral()),
            m.paragraphs(),
            m.facts(),
            frame.myTrainings(m.language()),
            frame.footer(m.language(), m.neutral()));
    return outbox.enqueue(
        senders.dress(
            renderer.mail(
                content,
                m.kind(),
                m.relatedId(),
                m.to(),
                m.attachments(),
                m.dedupeKey(),
                m.neutral()),
            m.programmeId()));
  }
}
