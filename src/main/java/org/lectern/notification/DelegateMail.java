package org.lectern.notification;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/**
 * For other modules (certificates): queue a mail to a delegate in the house frame — greeting, link
 * to "My trainings", footer — with the words and attachments the caller composed.
 */
@Service
public record DelegateMail(
    Outbox outbox,
    MailFrame frame,
    MailRenderer renderer,
    SenderNames senders,
    Transactions transactions) {

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
  public boolean send(Message m) {
    return transactions.joined(
        () -> {
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
                  renderer
                      .layout(content)
                      .mail(
                          m.kind(),
                          m.relatedId(),
                          m.to(),
                          m.attachments(),
                          m.dedupeKey(),
                          m.neutral()),
                  m.programmeId()));
        });
  }
}
