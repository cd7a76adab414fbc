package org.lectern.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/**
 * The mail outbox. Enqueueing must happen inside the transaction of the change that caused the
 * mail, so both commit or neither does; the {@link OutboxSender} job delivers later.
 */
@Service
public record Outbox(
    OutboxQueueRepository repository,
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

  /**
   * A mail to queue: whole, or ({@code bodyId} not null) its greeting and the words it shares with
   * others, stored once ({@link SharedBodies}; the mail's text and HTML are then not needed).
   */
  record Composed(OutgoingMail mail, UUID bodyId, String greeting) {

    Composed(OutgoingMail mail) {
      this(mail, null, null);
    }
  }

  /**
   * Queues several mails as {@link #enqueue} queues each (held when undeliverable, once per dedupe
   * key), with one look-up of undeliverable marks per organisation and one insert for all (issue
   * 16: it was one of each per mail); answers how many were queued.
   */
  int enqueueAll(List<Composed> mails) {
    return transactions.joined(
        () -> {
          Map<UUID, List<String>> byOrganisation = new HashMap<>();
          for (Composed c : mails) {
            OutgoingMail m = c.mail();
            if (m.organisationId() != null && m.to() != null) {
              byOrganisation
                  .computeIfAbsent(m.organisationId(), o -> new ArrayList<>())
                  .add(m.to());
            }
          }
          Map<UUID, Set<String>> marked = new HashMap<>();
          byOrganisation.forEach(
              (organisation, addresses) ->
                  marked.put(organisation, undeliverable.among(organisation, addresses).keySet()));
          List<OutboxQueueRepository.Queued> queued = new ArrayList<>();
          for (Composed c : mails) {
            OutgoingMail m = c.mail();
            boolean held = marked.getOrDefault(m.organisationId(), Set.of()).contains(m.to());
            queued.add(
                new OutboxQueueRepository.Queued(
                    UUID.randomUUID(),
                    m,
                    held ? MailStatus.HELD : MailStatus.PENDING,
                    c.bodyId(),
                    c.greeting()));
          }
          return repository.insertAll(queued, clock.instant()).size();
        });
  }
}
