package org.lectern.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends a batch of messages over one SMTP connection (one connection, greeting and QUIT per batch
 * instead of per message — issue 16, third pass) and says which of them failed, each with the
 * exception a send of that message alone would have thrown (a {@link MailSendException} naming only
 * it), so a refused recipient is recorded exactly as before.
 *
 * <p>With Spring's {@link JavaMailSenderImpl} (not a subclass) the batch is sent here, as its
 * {@code send(MimeMessage...)} sends it, except that the connection is not asked whether it is
 * still open before every message: Angus Mail answers that question with a {@code NOOP} and a wait
 * for the server's reply, one more round trip per message than {@code MAIL}, {@code RCPT} and
 * {@code DATA} (issue 16, eighth pass). It is asked after a message failed (the server may have
 * closed the connection), and a closed connection is opened again for the next message, as Spring
 * does.
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
      // Spring's own class only: a subclass may connect its own way.
      if (sender.getClass() == JavaMailSenderImpl.class) {
        send((JavaMailSenderImpl) sender, batch);
      } else {
        sender.send(batch.toArray(MimeMessage[]::new));
      }
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

  /**
   * Spring's {@code JavaMailSenderImpl.doSend} without the check of the connection before each
   * message; throws what it throws.
   */
  private static void send(JavaMailSenderImpl sender, List<MimeMessage> batch) {
    Map<Object, Exception> failedMessages = new LinkedHashMap<>();
    Transport transport = null;
    boolean lastFailed = false;
    try {
      for (int i = 0; i < batch.size(); i++) {
        if (transport == null || (lastFailed && !transport.isConnected())) {
          if (transport != null) {
            try {
              transport.close();
            } catch (Exception ignored) {
              // opened again below
            }
            transport = null;
          }
          try {
            transport = connect(sender);
          } catch (AuthenticationFailedException ex) {
            throw new MailAuthenticationException(ex);
          } catch (Exception ex) {
            // Effectively, all remaining messages failed.
            for (int j = i; j < batch.size(); j++) {
              failedMessages.put(batch.get(j), ex);
            }
            throw new MailSendException("Mail server connection failed", ex, failedMessages);
          }
        }
        MimeMessage mimeMessage = batch.get(i);
        try {
          // A message written as bytes (OutgoingMime) has its date and Message-ID, and is saved.
          if (!(mimeMessage instanceof WrittenMime)) {
            if (mimeMessage.getSentDate() == null) {
              mimeMessage.setSentDate(new Date());
            }
            String messageId = mimeMessage.getMessageID();
            mimeMessage.saveChanges();
            if (messageId != null) {
              mimeMessage.setHeader("Message-ID", messageId);
            }
          }
          Address[] addresses = mimeMessage.getAllRecipients();
          transport.sendMessage(mimeMessage, addresses != null ? addresses : new Address[0]);
          lastFailed = false;
        } catch (Exception ex) {
          failedMessages.put(mimeMessage, ex);
          lastFailed = true;
        }
      }
    } finally {
      try {
        if (transport != null) {
          transport.close();
        }
      } catch (Exception ex) {
        if (!failedMessages.isEmpty()) {
          throw new MailSendException(
              "Failed to close server connection after message failures", ex, failedMessages);
        }
        throw new MailSendException("Failed to close server connection after message sending", ex);
      }
    }
    if (!failedMessages.isEmpty()) {
      throw new MailSendException(failedMessages);
    }
  }

  /** As {@code JavaMailSenderImpl.connectTransport}: its session, protocol, host and account. */
  private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
    String username = sender.getUsername();
    String password = sender.getPassword();
    if ("".equals(username)) {
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    var session = sender.getSession();
    String protocol = sender.getProtocol();
    if (protocol == null) {
      protocol = session.getProperty("mail.transport.protocol");
      if (protocol == null) {
        protocol = JavaMailSenderImpl.DEFAULT_PROTOCOL;
      }
    }
    Transport transport = session.getTransport(protocol);
    transport.connect(sender.getHost(), sender.getPort(), username, password);
    return transport;
  }
}
