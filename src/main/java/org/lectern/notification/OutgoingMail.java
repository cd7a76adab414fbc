package org.lectern.notification;

import java.util.List;
import java.util.UUID;

/**
 * One e-mail to one person, already composed in their language. The dedupe key makes enqueueing
 * idempotent: a business operation that is retried enqueues its mail once.
 *
 * @param kind dotted code of what caused it, e.g. {@code registration.confirmed}
 * @param relatedId the registration, session or programme it is about (never personal data)
 */
public record OutgoingMail(
    String kind,
    UUID relatedId,
    String to,
    String language,
    String subject,
    String text,
    String html,
    List<MailAttachment> attachments,
    String dedupeKey,
    boolean neutral) {

  /**
   * @param neutral composed with neutral wording: sent from the neutral sender, without any header
   *     that names the product
   */
  public OutgoingMail {
    MailKind.require(kind);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public OutgoingMail(
      String kind,
      UUID relatedId,
      String to,
      String language,
      String subject,
      String text,
      String html,
      List<MailAttachment> attachments,
      String dedupeKey) {
    this(kind, relatedId, to, language, subject, text, html, attachments, dedupeKey, false);
  }
}
