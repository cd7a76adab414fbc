package org.lectern.notification;

import jakarta.mail.Address;
import jakarta.mail.Session;

/**
 * A message whose body was written as bytes ({@link OutgoingMime.Batch}): its headers are set, its
 * content is those bytes, and it is written as they are — Jakarta Mail writes an unchanged
 * message's header lines and then its content in one piece, without parsing or encoding its parts
 * again. It can still be read as any message (its content is parsed when asked for).
 */
final class WrittenMime extends OutboxMimeMessage {

  private final Address[] recipients;
  private final String subject;

  WrittenMime(
      Session session, String messageId, Address[] recipients, String subject, byte[] body) {
    super(session, messageId);
    this.recipients = recipients.clone();
    this.subject = subject;
    this.content = body;
    this.saved = true;
    this.modified = false;
  }

  @Override
  public Address[] getAllRecipients() {
    return recipients.clone();
  }

  /**
   * The subject as composed: the SMTP transport asks for it before every message (to hand it to
   * {@code sendMessageStart}), which would decode the header's encoded words again each time. The
   * header itself is as Jakarta Mail writes it.
   */
  @Override
  public String getSubject() {
    return subject;
  }

  /** Nothing to save: the headers and the content were written together, and stay so. */
  @Override
  public void saveChanges() {
    // unchanged since it was written
  }
}
