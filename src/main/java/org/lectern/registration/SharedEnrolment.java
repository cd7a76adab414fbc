package org.lectern.registration;

import java.time.Clock;
import java.util.UUID;
import org.lectern.registration.RegistrationRepository.Sealed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registrations that need nothing but a seat, in parallel (ADR 0004, amendment): a SHARE lock of
 * the programme row and one seat of the {@link FreeSeats} stock. Called only by {@link
 * EnrolmentService}, inside its transaction; the caller publishes the event.
 *
 * <p>Two round trips (issue 16, third pass; it was six): the savepoint with the SHARE lock, then
 * the seat claim with the insert in one statement. The savepoint is not released after a success —
 * the commit ends it — unless the transaction registers someone else after it (the demo's seeding
 * does), so savepoints never nest more than two deep.
 */
@Component
record SharedEnrolment(AnswerRepository answers, FreeSeats freeSeats, Clock clock) {

  /** Marks a transaction in which the shared path already succeeded once. */
  private static final Object SHARED_BEFORE = new Object();

  /**
   * The shared path: a new address, no room seats, and either a free seat in the stock, no capacity
   * at all, or approval (which holds no seat). Anything else — a known address, an empty or stale
   * stock, the same address inserted concurrently — rolls back to the savepoint (releasing the
   * SHARE lock and any seat claimed) and answers null: the exclusive path decides.
   */
  Registration register(UUID programmeId, EnrolmentService.Entry e, Sealed sealed) {
    var p = freeSeats.share(programmeId).orElse(null);
    if (p == null || !p.counted()) {
      freeSeats.rollbackToSavepoint();
      return null;
    }
    Registration r =
        e.newRegistration(
            programmeId,
            p.approvalRequired() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED,
            null,
            clock.instant());
    boolean claim = !p.approvalRequired() && p.capacity() != null;
    if (!freeSeats.insertClaimingSeat(r, sealed, claim, p.firstSeat())) {
      freeSeats.rollbackToSavepoint();
      return null;
    }
    if (!e.answers().isEmpty()) {
      answers.replace(r.programmeId(), r.id(), e.answers());
    }
    keepOrRelease();
    return r;
  }

  // The first success in a transaction keeps its savepoint until the commit (one round trip
  // less); any later one releases its own, so a transaction that registers many stays shallow.
  private void keepOrRelease() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      freeSeats.releaseSavepoint();
      return;
    }
    if (TransactionSynchronizationManager.hasResource(SHARED_BEFORE)) {
      freeSeats.releaseSavepoint();
      return;
    }
    TransactionSynchronizationManager.bindResource(SHARED_BEFORE, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SHARED_BEFORE);
          }
        });
  }
}
