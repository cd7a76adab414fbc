package org.lectern.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds an outbox message's MIME message: sender, headers, parts (split from {@link OutboxSender},
 * which claims, paces and sends).
 */
record OutgoingMime(ReturnPath returnPath, String from, String neutralFrom) {

  /**
   * The message as it goes out. No header names the product or refers to Lectern: neutral mails
   * come from the neutral sender; the outbox row is found by its id in the database, not by a
   * header. A shared file (the same instance in several mails of a batch, {@link MailFiles#of}) is
   * encoded once and kept in {@code encoded}.
   */
  MimeMessage mime(JavaMailSender sender, OutboxMessage m, Map<MailAttachment, byte[]> encoded)
      throws MessagingException {
    InternetAddress fromAddress = sender(m);
    jakarta.mail.Session session = sender.createMimeMessage().getSession();
    OutboxMimeMessage mime =
        new OutboxMimeMessage(session, returnPath.messageId(m.id(), fromAddress.getAddress()));
    String envelope = returnPath.envelopeFrom(m.id());
    if (envelope != null) {
      mime.setEnvelopeFrom(envelope);
    }
    // Delivery status notifications should quote headers only, never the message (RFC 3461).
    mime.setNotifyOptions(OutboxMimeMessage.NOTIFY_FAILURE);
    mime.setReturnOption(OutboxMimeMessage.RETURN_HDRS);
    MimeMessageHelper h = MailParts.helper(mime);
    h.setFrom(fromAddress);
    h.setTo(m.mail().to());
    h.setSubject(m.mail().subject());
    if (m.mail().html() == null) {
      h.setText(m.mail().text());
    } else {
      h.setText(m.mail().text(), m.mail().html());
    }
    for (MailAttachment a : m.mail().attachments()) {
      if (a.sharedId() == null) {
        h.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
      } else {
        byte[] part = encoded.get(a);
        if (part == null) {
          part = MailParts.encodedAttachment(session, a);
          encoded.put(a, part);
        }
        MailParts.addEncoded(h, part);
      }
    }
    mime.setHeader("Content-Language", m.mail().language());
    if (m.mail().unsubscribeUrl() != null) {
      // RFC 2369 and RFC 8058: mail providers offer "unsubscribe" and post to it in one click.
      mime.setHeader("List-Unsubscribe", "<" + m.mail().unsubscribeUrl() + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    MailParts.textAsBytes(mime);
    return mime;
  }

  /**
   * Neutral mails come from the neutral sender; a mail about a programme of an organisation that
   * named its sender goes out under that name at the installation's address; others from {@code
   * lectern.mail.from} as configured.
   */
  InternetAddress sender(OutboxMessage m) throws MessagingException {
    if (m.mail().neutral()) {
      return new InternetAddress(neutralFrom);
    }
    InternetAddress configured = new InternetAddress(from);
    if (m.mail().senderName() == null) {
      return configured;
    }
    try {
      return new InternetAddress(configured.getAddress(), m.mail().senderName(), "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
