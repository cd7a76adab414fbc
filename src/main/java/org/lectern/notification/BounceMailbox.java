package org.lectern.notification;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the mailbox that returned mail reaches (the bounce address, {@code
 * lectern.mail.bounces.imap-url}): each delivery status notification or complaint that names one of
 * our messages marks its address undeliverable for the message's organisation and the message as
 * bounced; the report is then deleted, because it quotes the address. Everything else in the
 * mailbox is marked read and left alone.
 */
@Component
record BounceMailbox(
    OutboxRepository outbox,
    OutboxStatusRepository statuses,
    UndeliverableAddresses undeliverable,
    ReturnPath returnPath,
    TransactionTemplate transactions,
    Clock clock,
    @Value("${lectern.mail.bounces.imap-url:}") String url) {

  private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);
  static final int BATCH = 200;

  BounceMailbox {
    url = url == null ? "" : url.strip();
  }

  /** Never the address: it holds the mailbox's password. */
  @Override
  public String toString() {
    return "BounceMailbox";
  }

  boolean configured() {
    return !url.isEmpty();
  }

  /** Reads unread mail once; returns how many reports were applied. */
  int read() {
    if (!configured()) {
      return 0;
    }
    Properties props = new Properties();
    for (String protocol : new String[] {"imap", "imaps"}) {
      props.put("mail." + protocol + ".connectiontimeout", "10000");
      props.put("mail." + protocol + ".timeout", "30000");
    }
    int applied = 0;
    try {
      Store store = Session.getInstance(props).getStore(new URLName(url));
      store.connect();
      try {
        URLName name = new URLName(url);
        Folder folder = store.getFolder(name.getFile() == null ? "INBOX" : name.getFile());
        folder.open(Folder.READ_WRITE);
        try {
          Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
          for (int i = 0; i < unread.length && i < BATCH; i++) {
            if (apply(unread[i])) {
              unread[i].setFlag(Flags.Flag.DELETED, true);
              applied++;
            } else {
              unread[i].setFlag(Flags.Flag.SEEN, true);
            }
          }
        } finally {
          folder.close(true);
        }
      } finally {
        store.close();
      }
    } catch (MessagingException e) {
      // The server's words may quote an address: the type is enough to find the cause.
      log.warn("Reading the bounce mailbox failed: {}", OutboxSender.describe(e));
    }
    return applied;
  }

  /** True when the message was a report about one of our messages and has been applied. */
  boolean apply(Message message) {
    DeliveryReport report;
    try {
      if (message.getSize() > DeliveryReport.MAX_BYTES * 4) {
        return false;
      }
      report = DeliveryReport.read(message);
    } catch (MessagingException | IOException | RuntimeException e) {
      log.warn("An unreadable message in the bounce mailbox: {}", OutboxSender.describe(e));
      return false;
    }
    Optional<UUID> id =
        report.kind() == DeliveryReport.Kind.OTHER
            ? Optional.empty()
            : returnPath.find(report.searchable());
    log.info(
        "Bounce mailbox: a {} report ({}), {}",
        report.kind(),
        report.status(),
        id.isPresent() ? "about one of our messages" : "not about any of our messages");
    if (id.isEmpty()) {
      return false;
    }
    if (id.isEmpty()) {
      return false;
    }
    Boolean done = transactions.execute(tx -> applyTo(id.get(), report));
    return Boolean.TRUE.equals(done);
  }

  private boolean applyTo(UUID mailId, DeliveryReport report) {
    Optional<OutboxMessage> original = outbox.find(mailId);
    if (original.isEmpty()) {
      // Already removed (retention, erasure): nothing left to mark, and the report can go.
      return true;
    }
    OutboxMessage m = original.get();
    boolean complaint = report.kind() == DeliveryReport.Kind.COMPLAINT;
    String detail = report.status() == null ? null : report.status();
    statuses.markBounced(
        mailId, complaint ? "Complaint (" + detail + ")" : "Returned (" + detail + ")");
    if (m.mail().organisationId() != null) {
      undeliverable.mark(
          m.mail().organisationId(),
          m.mail().to(),
          complaint ? Undeliverable.Reason.COMPLAINED : Undeliverable.Reason.BOUNCED,
          report.smtpCode(),
          detail,
          clock.instant());
    }
    return true;
  }
}
