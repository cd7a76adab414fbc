package org.lectern.notification;

import jakarta.mail.internet.MimeMessage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends a batch of messages over one SMTP connection ({@link JavaMailSender#send(MimeMessage...)}:
 * one connection, greeting and QUIT per batch instead of per message — issue 16, third pass) and
 * says which of them failed, each with the exception a send of that message alone would have thrown
 * (a {@link MailSendException} naming only it), so a refused recipient is recorded exactly as
 * before.
 */
final class SmtpBatch {

  private SmtpBatch() {}

  /** The failed messages of the batch (by identity) with their failure; empty when all went. */
  static Map<MimeMessage, RuntimeException> send(JavaMailSender sender, List<MimeMessage> batch) {
    Map<MimeMessage, RuntimeException> failed = new IdentityHashMap<>();
    if (batch.isEmpty()) {
      return failed;
    }
    try {
      sender.send(batch.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      Map<Object, Exception> perMessage = e.getFailedMessages();
      // Spring reports a failure to close the connection after every message went with no
      // failed messages: they were all accepted.
      for (MimeMessage m : batch) {
        Exception ex = perMessage.get(m);
        if (ex != null) {
          failed.put(
              m,
              ex == e.getCause()
                  ? new MailSendException("Mail server connection failed", ex, Map.of(m, ex))
                  : new MailSendException(Map.of(m, ex)));
        }
      }
    } catch (RuntimeException e) {
      // Authentication refused on (re)connecting, or anything unexpected: which messages went
      // before is unknown, so all are tried again (at least once, never dropped).
      for (MimeMessage m : batch) {
        failed.put(m, e);
      }
    }
    return failed;
  }
}
