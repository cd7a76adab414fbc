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
 *
 * <p>With {@link SmtpConnections} the connection outlives the batch (issue 16, tenth pass): the
 * batch takes a kept one, and gives it back open instead of saying {@code QUIT}. A kept connection
 * the server closed while it waited fails on the batch's first message; that message is then sent
 * again over a new connection (it did not go, or — if the connection dropped after the server took
 * it — it goes twice: at least once, never lost). Any other failure is recorded as before. After
 * its share of messages a connection is closed and another opened within the batch.
 */
final class SmtpBatch {

  private SmtpBatch() {}

  /** The failed messages of the batch (by identity) with their failure; empty when all went. */
  static Map<MimeMessage, RuntimeException> send(JavaMailSender sender, List<MimeMessage> batch) {
    return send(sender, batch, null);
  }

  /**
   * As {@link #send(JavaMailSender, List)}, over a connection kept in {@code connections} (null:
   * one connection for this batch only).
   */
  static Map<MimeMessage, RuntimeException> send(
      JavaMailSender sender, List<MimeMessage> batch, SmtpConnections connections) {
    Map<MimeMessage, RuntimeException> failed = new IdentityHashMap<>();
    if (batch.isEmpty()) {
      return failed;
    }
    try {
      // Spring's own class only: a subclass may connect its own way.
      if (sender.getClass() == JavaMailSenderImpl.class) {
        send((JavaMailSenderImpl) sender, batch, connections);
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
  private static void send(
      JavaMailSenderImpl sender, List<MimeMessage> batch, SmtpConnections connections) {
    Map<Object, Exception> failedMessages = new LinkedHashMap<>();
    SmtpConnections.Kept kept = connections == null ? null : connections.take(sender);
    Transport transport = kept == null ? null : kept.transport;
    // The batch's first message goes over a connection that waited since the last batch.
    boolean reused = kept != null;
    boolean lastFailed = false;
    try {
      for (int i = 0; i < batch.size(); i++) {
        if (transport != null
            && connections != null
            && kept.messages >= connections.perConnection()) {
          // Its share of messages: the server may refuse more over it.
          SmtpConnections.quit(transport);
          transport = null;
        }
        if (transport == null || (lastFailed && !transport.isConnected())) {
          if (transport != null) {
            try {
              transport.close();
            } catch (Exception ignored) {
              // opened again below
            }
            transport = null;
          }
          reused = false;
          try {
            transport = connect(sender);
            kept = new SmtpConnections.Kept(sender, transport);
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
          kept.messages++;
          transport.sendMessage(mimeMessage, addresses != null ? addresses : new Address[0]);
          lastFailed = false;
        } catch (Exception ex) {
          if (reused && !transport.isConnected()) {
            // The kept connection was closed by the server while it waited (its idle timeout, a
            // restart): the same message again, over a new connection.
            SmtpConnections.quit(transport);
            transport = null;
            reused = false;
            i--;
            continue;
          }
          failedMessages.put(mimeMessage, ex);
          lastFailed = true;
        }
        reused = false;
      }
    } finally {
      if (transport != null && connections != null && !(lastFailed && !transport.isConnected())) {
        // Open and ready for the next batch (after a failure the provider reset it with RSET).
        connections.give(kept);
        transport = null;
      }
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
