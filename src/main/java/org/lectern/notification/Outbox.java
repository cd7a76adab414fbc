package org.lectern.notification;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox. Enqueueing must happen inside the transaction of the change that caused the
 * mail, so both commit or neither does; the {@link OutboxSender} job delivers later.
 */
@Service
public class Outbox {

  private final OutboxRepository repository;
  private final UndeliverableAddresses undeliverable;
  private final Clock clock;

  Outbox(OutboxRepository repository, UndeliverableAddresses undeliverable, Clock clock) {
    this.repository = repository;
    this.undeliverable = undeliverable;
    this.clock = clock;
  }

  /**
   * Queues the mail; false when a mail with the same dedupe key was queued before. Mail to an
   * address known to be undeliverable for the programme's organisation is kept but held, for the
   * organisers to see and release.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(OutgoingMail mail) {
    MailStatus status =
        undeliverable.find(mail.organisationId(), mail.to()).isPresent()
            ? MailStatus.HELD
            : MailStatus.PENDING;
    return repository.insert(UUID.randomUUID(), mail, clock.instant(), status);
  }
}
