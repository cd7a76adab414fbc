package org.lectern.registration;

import java.time.Clock;
import java.util.UUID;
import org.lectern.registration.RegistrationRepository.Sealed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registrations that need nothing but a seat, in parallel (ADR 0004, amendment): a SHARE lock of
 * the programme row and one seat of the {@link FreeSeats} stock. Called only by {@link
 * EnrolmentService}, inside its transaction; the caller publishes the event.
 */
@Component
class SharedEnrolment {

  private final RegistrationRepository registrations;
  private final AnswerRepository answers;
  private final FreeSeats freeSeats;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  SharedEnrolment(
      RegistrationRepository registrations,
      AnswerRepository answers,
      FreeSeats freeSeats,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.registrations = registrations;
    this.answers = answers;
    this.freeSeats = freeSeats;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /**
   * The shared path: a new address, no room seats, and either a free seat in the stock, no capacity
   * at all, or approval (which holds no seat). Runs in a savepoint; anything else — a known
   * address, an empty or stale stock, the same address inserted concurrently — rolls back to it
   * (releasing the SHARE lock) and answers null: the exclusive path decides.
   */
  Registration register(UUID programmeId, EnrolmentService.Entry e, Sealed sealed) {
    try {
      return savepoint.execute(
          tx -> {
            var p = freeSeats.share(programmeId).orElse(null);
            if (p == null
                || !p.counted()
                || registrations.findByEmailIndex(programmeId, sealed.emailIndex()).isPresent()) {
              tx.setRollbackOnly();
              return null;
            }
            RegistrationStatus status;
            if (p.approvalRequired()) {
              status = RegistrationStatus.PENDING;
            } else if (p.capacity() == null || freeSeats.claim(programmeId)) {
              status = RegistrationStatus.CONFIRMED;
            } else {
              tx.setRollbackOnly();
              return null;
            }
            var now = clock.instant();
            Registration r =
                new Registration(
                    UUID.randomUUID(),
                    programmeId,
                    status,
                    null,
                    e.details(),
                    e.consentId(),
                    e.consentLanguage(),
                    e.invitationId(),
                    null,
                    now,
                    now,
                    0);
            registrations.insert(r, sealed);
            if (!e.answers().isEmpty()) {
              answers.replace(r.programmeId(), r.id(), e.answers());
            }
            return r;
          });
    } catch (DuplicateKeyException concurrentSameAddress) {
      return null;
    }
  }
}
