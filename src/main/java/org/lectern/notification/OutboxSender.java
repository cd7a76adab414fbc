package org.lectern.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.logging.Scrubbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages. Rows are claimed with {@code for update skip locked}, so several
 * nodes never send the same row at once. Delivery is at least once: a crash after the SMTP server
 * accepted a message but before the row is marked sent resends it; nothing is ever dropped. Without
 * {@code spring.mail.host} there is no mail sender and messages stay in the outbox for
 * administrators to read.
 */
@Component
class OutboxSender implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final int BATCH = 20;
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofHours(6);

  static {
    MailParts.nameStreamProvider();
  }

  private final OutboxRepository repository;
  private final OutboxStatusRepository statuses;
  private final UndeliverableAddresses undeliverable;
  private final MailPace pace;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final RegistrationMailJobs registrationMails;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final OutgoingMime mimes;
  private final int maxAttempts;
  private final SmtpConnections connections;

  /** Without registration mails to compose (a sender on its own, as some tests build it). */
  OutboxSender(
      OutboxRepository repository,
      OutboxStatusRepository statuses,
      UndeliverableAddresses undeliverable,
      ReturnPath returnPath,
      MailPace pace,
      ObjectProvider<JavaMailSender> mailSender,
      TransactionTemplate transactions,
      Clock clock,
      String from,
      String neutralFrom,
      int maxAttempts) {
    this(
        repository,
        statuses,
        undeliverable,
        returnPath,
        pace,
        mailSender,
        null,
        transactions,
        clock,
        from,
        neutralFrom,
        maxAttempts,
        new SmtpConnections(SmtpConnections.IDLE, SmtpConnections.MESSAGES, clock));
  }

  @Autowired
  OutboxSender(
      OutboxRepository repository,
      OutboxStatusRepository statuses,
      UndeliverableAddresses undeliverable,
      ReturnPath returnPath,
      MailPace pace,
      ObjectProvider<JavaMailSender> mailSender,
      RegistrationMailJobs registrationMails,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${lectern.mail.from}") String from,
      @Value("${lectern.mail.neutral-from:}") String neutralFrom,
      @Value("${lectern.mail.max-attempts:8}") int maxAttempts,
      @Value("${lectern.mail.smtp.idle-timeout:60s}") Duration idleTimeout,
      @Value("${lectern.mail.smtp.messages-per-connection:100}") int messagesPerConnection) {
    this(
        repository,
        statuses,
        undeliverable,
        returnPath,
        pace,
        mailSender,
        registrationMails,
        transactions,
        clock,
        from,
        neutralFrom,
        maxAttempts,
        new SmtpConnections(idleTimeout, messagesPerConnection, clock));
  }

  OutboxSender(
      OutboxRepository repository,
      OutboxStatusRepository statuses,
      UndeliverableAddresses undeliverable,
      ReturnPath returnPath,
      MailPace pace,
      ObjectProvider<JavaMailSender> mailSender,
      RegistrationMailJobs registrationMails,
      TransactionTemplate transactions,
      Clock clock,
      String from,
      String neutralFrom,
      int maxAttempts,
      SmtpConnections connections) {
    this.repository = repository;
    this.statuses = statuses;
    this.undeliverable = undeliverable;
    this.pace = pace;
    this.mailSender = mailSender;
    this.registrationMails = registrationMails;
    this.transactions = transactions;
    this.clock = clock;
    this.mimes =
        new OutgoingMime(
            returnPath,
            from,
            neutralFrom == null || neutralFrom.isBlank() ? addressOnly(from) : neutralFrom);
    this.maxAttempts = maxAttempts;
    this.connections = connections;
  }

  /** Says {@code QUIT} on the SMTP connections kept for the next batch. */
  @Override
  public void destroy() {
    connections.close();
  }

  boolean enabled() {
    return mailSender.getIfAvailable() != null;
  }

  /**
   * Composes the registration mails still to compose (normally done right after each commit), then
   * sends one batch of due messages; returns how many were delivered.
   */
  int sendDue() {
    while (registrationMails != null
        && registrationMails.composeDue() == RegistrationMailJobs.BATCH) {
      // more are waiting
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    // Connections kept since the last batch that waited too long are closed even when none is due.
    connections.closeIdle();
    Integer sent = transactions.execute(tx -> sendBatch(sender));
    return sent == null ? 0 : sent;
  }

  private int sendBatch(JavaMailSender sender) {
    Instant now = clock.instant();
    List<OutboxRepository.Claimed> due = repository.claimDue(now, BATCH);
    // Per batch, not per message (issue 16): the undeliverable marks in one look-up per
    // organisation, the pace in one count per destination domain and one in total; only the
    // recipient is decrypted until the pace has answered.
    Set<UUID> known = undeliverable.markedAmong(due);
    List<OutboxRepository.Claimed> deliverable = new ArrayList<>();
    for (OutboxRepository.Claimed m : due) {
      if (known.contains(m.id())) {
        // Known not to arrive: sending again would only harm the sender's reputation.
        statuses.hold(m.id());
      } else {
        deliverable.add(m);
      }
    }
    boolean[] paced = pace.mayTake(deliverable.stream().map(OutboxRepository.Claimed::to).toList());
    List<OutboxRepository.Claimed> allowed = new ArrayList<>();
    List<OutboxRepository.Claimed> refused = new ArrayList<>();
    for (int i = 0; i < deliverable.size(); i++) {
      (paced[i] ? allowed : refused).add(deliverable.get(i));
    }
    // Refused by the pace: each booked into the window its turn comes in, all in one statement.
    Map<UUID, Instant> later = new LinkedHashMap<>();
    for (OutboxRepository.Claimed m : refused) {
      later.put(m.id(), pace.book(m.lane(), m.to(), now));
    }
    statuses.deferAll(later);
    List<OutboxMessage> ready = new ArrayList<>();
    List<MimeMessage> mimes = new ArrayList<>();
    // What the batch's messages have alike (date, senders, subjects, shared files) made once.
    OutgoingMime.Batch batch = this.mimes.batch(sender, clock.instant());
    for (OutboxMessage m : repository.open(allowed)) {
      try {
        mimes.add(batch.mime(m));
        ready.add(m);
      } catch (RuntimeException | MessagingException e) {
        failed(m, e);
      }
    }
    // One SMTP connection for the whole batch, kept for the next one; failures are mapped back to
    // their messages.
    Map<MimeMessage, RuntimeException> failures = SmtpBatch.send(sender, mimes, connections);
    List<UUID> sent = new ArrayList<>();
    for (int i = 0; i < ready.size(); i++) {
      RuntimeException e = failures.get(mimes.get(i));
      if (e == null) {
        sent.add(ready.get(i).id());
      } else {
        failed(ready.get(i), e);
      }
    }
    statuses.markSent(sent, clock.instant());
    return sent.size();
  }

  private void failed(OutboxMessage m, Exception e) {
    int attempt = m.attempts() + 1;
    SmtpFailure failure = SmtpFailure.of(e);
    boolean giveUp = failure.permanent() || attempt >= maxAttempts;
    statuses.markAttemptFailed(
        m.id(),
        giveUp ? MailStatus.FAILED : MailStatus.PENDING,
        clock.instant().plus(backoff(attempt)),
        failure);
    if (failure.permanent() && m.mail().organisationId() != null) {
      undeliverable.mark(
          m.mail().organisationId(),
          m.mail().to(),
          Undeliverable.Reason.REFUSED,
          failure.code(),
          failure.enhancedStatus(),
          clock.instant());
    }
    log.warn(
        "Mail {} ({}) attempt {} failed{}: {}",
        m.id(),
        m.mail().kind(),
        attempt,
        failure.permanent() ? " permanently" : "",
        failure.description());
  }

  /** 30 s, 1 min, 2 min, … up to 6 h between attempts. */
  static Duration backoff(int attempt) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }

  // Exception messages of mail servers may quote the recipient: keep only the types.
  static String describe(Throwable e) {
    return Scrubbed.describe(e);
  }

  /** "Lectern &lt;a@b&gt;" becomes "a@b": a display name may name the product or organiser. */
  static String addressOnly(String from) {
    try {
      return new InternetAddress(from).getAddress();
    } catch (AddressException e) {
      return from;
    }
  }

  /** The message as it goes out ({@link OutgoingMime}). */
  MimeMessage mime(JavaMailSender sender, OutboxMessage m) throws MessagingException {
    return mimes.batch(sender, clock.instant()).mime(m);
  }

  Instant now() {
    return clock.instant();
  }
}
