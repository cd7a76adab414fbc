package org.lectern.notification;

import java.util.List;
import java.util.UUID;

/**
 * One e-mail to one person, already composed in their language. The dedupe key makes enqueueing
 * idempotent: a business operation that is retried enqueues its mail once.
 *
 * @param kind dotted code of what caused it, e.g. {@code registration.confirmed}
 * @param relatedId the registration, session or programme it is about (never personal data)
 * @param neutral composed with neutral wording: sent from the neutral sender, without any header
 *     that names the product
 * @param senderName the display name it is sent under (the organisation's mail sender name); null
 *     for the installation's sender, and always null for neutral mails
 * @param unsubscribeUrl for bulk mail: the one-click address (RFC 8058) that stops such mail to
 *     this person; null otherwise
 * @param programmeId the programme it is about, null for account mail (sign-in, password)
 * @param organisationId the organisation of that programme: a permanent failure marks the address
 *     undeliverable for this organisation only
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
    boolean neutral,
    String senderName,
    String unsubscribeUrl,
    UUID programmeId,
    UUID organisationId) {

  public OutgoingMail {
    // The kind is checked when the mail is queued (Outbox), not here: a queued row of a kind no
    // longer listed can still be read back.
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    senderName = neutral || senderName == null || senderName.isBlank() ? null : senderName.strip();
  }

  /** A mail that belongs to no programme (account mail), optionally neutral. */
  public OutgoingMail(
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
    this(
        kind,
        relatedId,
        to,
        language,
        subject,
        text,
        html,
        attachments,
        dedupeKey,
        neutral,
        null,
        null,
        null,
        null);
  }

  /** The same mail, sent under {@code name} (ignored for neutral mails). */
  public OutgoingMail withSenderName(String name) {
    return delivered(attachments, name, unsubscribeUrl, programmeId, organisationId);
  }

  /** The same mail, with a one-click unsubscribe address. */
  public OutgoingMail withUnsubscribeUrl(String url) {
    return delivered(attachments, senderName, url, programmeId, organisationId);
  }

  /** The same mail with these attachments. */
  OutgoingMail withAttachments(List<MailAttachment> attached) {
    return delivered(attached, senderName, unsubscribeUrl, programmeId, organisationId);
  }

  /** The same mail, counted for this programme of this organisation. */
  public OutgoingMail about(UUID programme, UUID organisation) {
    return delivered(attachments, senderName, unsubscribeUrl, programme, organisation);
  }

  private OutgoingMail delivered(
      List<MailAttachment> attached,
      String sender,
      String unsubscribe,
      UUID programme,
      UUID organisation) {
    return new OutgoingMail(
        kind,
        relatedId,
        to,
        language,
        subject,
        text,
        html,
        attached,
        dedupeKey,
        neutral,
        sender,
        unsubscribe,
        programme,
        organisation);
  }
}
