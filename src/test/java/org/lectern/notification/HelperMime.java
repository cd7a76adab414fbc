package org.lectern.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The message as it was built before it was written as bytes (issue 16, ninth pass): through
 * Spring's {@link MimeMessageHelper} and Jakarta Mail's body parts. {@link OutgoingMimeTest}
 * compares the bytes with it, part by part.
 */
final class HelperMime {

  private HelperMime() {}

  static MimeMessage mime(
      Session session,
      ReturnPath returnPath,
      String from,
      String neutralFrom,
      OutboxMessage m,
      Map<MailAttachment, byte[]> encoded)
      throws MessagingException {
    InternetAddress fromAddress = sender(from, neutralFrom, m);
    OutboxMimeMessage mime =
        new OutboxMimeMessage(session, returnPath.messageId(m.id(), fromAddress.getAddress()));
    String envelope = returnPath.envelopeFrom(m.id());
    if (envelope != null) {
      mime.setEnvelopeFrom(envelope);
    }
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
      mime.setHeader("List-Unsubscribe", "<" + m.mail().unsubscribeUrl() + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    MailParts.textAsBytes(mime);
    mime.setSentDate(new java.util.Date());
    mime.saveChanges();
    return mime;
  }

  private static InternetAddress sender(String from, String neutralFrom, OutboxMessage m)
      throws MessagingException {
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
