package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An outbox row, decrypted, for sending and for the administrators' outbox page: the mail as it was
 * queued and how its delivery stands (issue 17: the mail's fields are the queued mail's, not a copy
 * of them).
 */
record OutboxMessage(
    UUID id,
    OutgoingMail mail,
    MailStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  /** The same message with its attachments (read for a whole batch at once). */
  OutboxMessage withAttachments(List<MailAttachment> attached) {
    return new OutboxMessage(
        id,
        mail.withAttachments(attached),
        status,
        attempts,
        nextAttemptAt,
        lastError,
        createdAt,
        sentAt);
  }

  /** Whether the body holds a working sign-in, registration or set-password link. */
  boolean credential() {
    return MailKind.of(mail.kind()).map(MailKind::credential).orElse(true);
  }
}
