package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A decrypted outbox row, for sending and for the administrators' outbox page. */
record OutboxMessage(
    UUID id,
    String kind,
    UUID relatedId,
    String to,
    String language,
    String subject,
    String text,
    String html,
    MailStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    List<MailAttachment> attachments,
    boolean neutral,
    String senderName,
    String unsubscribeUrl,
    UUID programmeId,
    UUID organisationId) {

  /** The same message with its attachments (read for a whole batch at once). */
  OutboxMessage withAttachments(List<MailAttachment> attached) {
    return new OutboxMessage(
        id,
        kind,
        relatedId,
        to,
        language,
        subject,
        text,
        html,
        status,
        attempts,
        nextAttemptAt,
        lastError,
        createdAt,
        sentAt,
        attached,
        neutral,
        senderName,
        unsubscribeUrl,
        programmeId,
        organisationId);
  }

  /** Whether the body holds a working sign-in, registration or set-password link. */
  boolean credential() {
    return MailKind.of(kind).map(MailKind::credential).orElse(true);
  }
}
