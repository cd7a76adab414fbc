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
  private final Clock clock;

  Outbox(OutboxRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Queues the mail; false when a mail with the same dedupe key was queued before. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(OutgoingMail mail) {
    return repository.insert(UUID.randomUUID(), mail, clock.instant());
  }
}
