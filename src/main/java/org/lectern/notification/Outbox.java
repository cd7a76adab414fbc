package org.lectern.notification;

import java.time.Clock;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/**
 * The mail outbox. Enqueueing must happen inside the transaction of the change that caused the
 * mail, so both commit or neither does; the {@link OutboxSender} job delivers later.
 */
@Service
public record Outbox(
    OutboxRepository repository,
    UndeliverableAddresses undeliverable,
    Clock clock,
    Transactions transactions) {

  /**
   * Queues the mail; false when a mail with the same dedupe key was queued before. Mail to an
   * address known to be undeliverable for the programme's organisation is kept but held, for the
   * organisers to see and release.
   */
  public boolean enqueue(OutgoingMail mail) {
    return transactions.joined(
        () -> {
          MailStatus status =
              undeliverable.find(mail.organisationId(), mail.to()).isPresent()
                  ? MailStatus.HELD
                  : MailStatus.PENDING;
          return repository.insert(UUID.randomUUID(), mail, clock.instant(), status);
        });
  }
}
