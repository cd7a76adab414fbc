package org.lectern.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * An outgoing message whose Message-ID carries the outbox row's token (see {@link ReturnPath})
 * instead of Jakarta Mail's default, which names the library and the host.
 */
class OutboxMimeMessage extends SMTPMessage {

  private final String messageId;

  OutboxMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
