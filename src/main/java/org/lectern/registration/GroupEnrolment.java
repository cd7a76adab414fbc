package org.lectern.registration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.lectern.identity.PendingToken;
import org.lectern.registration.EnrolmentService.Entry;
import org.lectern.registration.EnrolmentService.Outcome;
import org.lectern.registration.RegistrationRepository.Sealed;
import org.lectern.shared.error.UnauthenticatedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit in the application (ADR 0004, amendment "group commit"): new registrations of one
 * programme that need nothing but a seat, arriving together on this node, are registered in one
 * transaction — one SHARE lock of the programme row, one statement that claims their seats from the
 * stock and inserts them, one commit — and each request is answered after that commit.
 *
 * <p>No timer: a request that finds no batch running for its programme runs one at once with
 * whatever is queued (at least itself); requests that arrive while a batch runs queue, and when the
 * batch ends the request at the head of the queue runs the next one. A request alone costs what the
 * shared path costs. Each waiting thread is woken once, when its entry is answered or when its turn
 * to run a batch comes (issue 16, thirteenth pass: no longer every waiter after every batch).
 *
 * <p>If the batch's transaction fails, each of its entries is registered in a transaction of its
 * own by {@link EnrolmentService} (the shared path, then the exclusive one), so one bad entry fails
 * only its own request. Entries the batch left out — an address already on the programme, the same
 * address twice in the batch, no seat left in the stock, a stock counted for another capacity —
 * take the same way after the batch has committed, in their order of arrival.
 *
 * <p>An entry checked against this node's copy of the programme and its form set-up ({@link
 * ProgrammeCopies}) is registered only if the batch's own reads find that copy current; otherwise
 * (and if the batch fails, or leaves it out as the same address twice) it is answered "stale" and
 * its request is checked again from fresh reads.
 */
@Component
final class GroupEnrolment {

  /** At most this many registrations in one transaction. */
  static final int MAX = 64;

  private final RegistrationRepository registrations;
  private final EnrolmentService enrolment;
  private final GroupBatch batches;
  private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();

  GroupEnrolment(
      RegistrationRepository registrations, EnrolmentService enrolment, GroupBatch batches) {
    this.registrations = registrations;
    this.enrolment = enrolment;
    this.batches = batches;
  }

  /** Whether an entry may be registered in a group: no room seats, no invitation to mark. */
  static boolean eligible(Entry e) {
    return e.attendance().isEmpty() && e.invitationId() == null;
  }

  /**
   * One programme's queue; guarded by its own monitor. While a batch runs, or is handed to the
   * thread of the entry at the head of the queue, {@code running} is set; it is never unset while
   * entries are queued. A lane with nothing queued and no batch running is retired (removed from
   * the map, so that the map does not keep a lane for every programme ever registered into); a
   * request that finds its lane retired takes the new one.
   */
  private static final class Lane {
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    boolean running;
    boolean retired;
  }

  /** One request's entry, and its answer once its batch has run. */
  static final class Pending {
    final Entry entry;
    final Sealed sealed;

    /** The node's copy the entry was checked against, or null: checked against fresh reads. */
    final ProgrammeCopies.Copy copy;

    Outcome outcome;
    RuntimeException failure;

    /** The request's API token, still unchecked (checked by the batch), or null. */
    final PendingToken token;

    /** The batch found the copy out of date: not registered, to be checked again. */
    boolean stale;

    /** The batch found the token revoked, expired or its account disabled: nothing written. */
    boolean refused;

    /** Answered (set under the lane's monitor). */
    boolean done;

    /** This entry's thread runs the next batch of its lane (set under the lane's monitor). */
    boolean lead;

    /** The request's thread, woken (unparked) when {@code done} or {@code lead} is set. */
    final Thread waiter = Thread.currentThread();

    Pending(Entry entry, Sealed sealed) {
      this(entry, sealed, null);
    }

    Pending(Entry entry, Sealed sealed, ProgrammeCopies.Copy copy) {
      this(entry, sealed, copy, null);
    }

    Pending(Entry entry, Sealed sealed, ProgrammeCopies.Copy copy, PendingToken token) {
      this.entry = entry;
      this.sealed = sealed;
      this.copy = copy;
      this.token = token;
    }

    Outcome result() {
      if (refused) {
        throw new UnauthenticatedException("identity.unauthenticated");
      }
      if (failure != null) {
        throw failure;
      }
      return stale ? null : outcome;
    }
  }

  /**
   * Registers outside any transaction (the batch has its own): returns after the registration has
   * committed, or throws what registering this entry alone throws.
   */
  Outcome register(UUID programmeId, Entry e) {
    return register(programmeId, e, null);
  }

  /**
   * As {@link #register(UUID, Entry)}, for an entry checked against this node's copy of the
   * programme and its form set-up: null, with nothing written, when the batch finds that copy out
   * of date (the caller checks the request again from fresh reads).
   */
  Outcome register(UUID programmeId, Entry e, ProgrammeCopies.Copy copy) {
    return register(programmeId, e, copy, null);
  }

  /**
   * As {@link #register(UUID, Entry, ProgrammeCopies.Copy)}, for a request whose API token is still
   * unchecked (or null; only with a copy): the batch checks it in one statement for all its
   * entries, and throws the 401 with nothing written for a token that no longer works; null
   * (checked again) when the token's account changed.
   */
  Outcome register(UUID programmeId, Entry e, ProgrammeCopies.Copy copy, PendingToken token) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // Never wait for a batch while holding what a transaction holds: registered in it, as before
      // (an entry checked against a copy is checked again instead: nothing here reads it again).
      return copy != null ? null : enrolment.register(programmeId, e);
    }
    // Encrypted and indexed on the request's thread, before any lock or queue.
    Pending mine = new Pending(e, registrations.seal(programmeId, e.details()), copy, token);
    Lane lane = enqueue(programmeId, mine);
    boolean interrupted = false;
    try {
      while (true) {
        List<Pending> batch = new ArrayList<>();
        synchronized (lane) {
          if (mine.done) {
            return mine.result();
          }
          if (mine.lead) {
            // This entry heads the queue: its thread runs the next batch, in arrival order.
            mine.lead = false;
            while (batch.size() < MAX && !lane.queue.isEmpty()) {
              batch.add(lane.queue.poll());
            }
          }
        }
        if (batch.isEmpty()) {
          // Woken when answered or when its turn to run a batch comes; any other wake-up (a
          // permit left from earlier, a spurious one) only checks again.
          LockSupport.park(lane);
          if (Thread.interrupted()) {
            // The entry is queued and will be registered: wait for its answer all the same.
            interrupted = true;
          }
          continue;
        }
        runAndHandOn(programmeId, lane, batch);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs a batch, answers its entries and hands the lane to the entry now at the head of the queue
   * (or retires the lane); then wakes exactly the threads that have something to do.
   */
  private void runAndHandOn(UUID programmeId, Lane lane, List<Pending> batch) {
    try {
      run(programmeId, batch);
    } finally {
      Pending next = null;
      synchronized (lane) {
        for (Pending p : batch) {
          if (p.outcome == null && p.failure == null && !p.stale && !p.refused) {
            p.failure = new IllegalStateException("registration not answered");
          }
          p.done = true;
        }
        if (lane.queue.isEmpty()) {
          // Every waiter's entry has been answered: none of them needs this lane again.
          lane.running = false;
          lane.retired = true;
          lanes.remove(programmeId, lane);
        } else {
          next = lane.queue.peek();
          next.lead = true;
        }
      }
      Thread self = Thread.currentThread();
      for (Pending p : batch) {
        if (p.waiter != self) {
          LockSupport.unpark(p.waiter);
        }
      }
      if (next != null) {
        LockSupport.unpark(next.waiter);
      }
    }
  }

  /**
   * Queues an entry on its programme's live lane (never on a retired one) and returns the lane; the
   * entry leads (its thread runs the next batch) when no batch is running.
   */
  private Lane enqueue(UUID programmeId, Pending mine) {
    while (true) {
      Lane lane = lanes.computeIfAbsent(programmeId, k -> new Lane());
      synchronized (lane) {
        if (!lane.retired) {
          lane.queue.add(mine);
          if (!lane.running) {
            lane.running = true;
            mine.lead = true;
          }
          return lane;
        }
      }
    }
  }

  /** Whether the programme has a lane on this node (for the tests: idle lanes are removed). */
  boolean hasLane(UUID programmeId) {
    return lanes.containsKey(programmeId);
  }

  /**
   * Runs one batch ({@link GroupBatch#run}). Package-private for the tests, which hand it a batch.
   */
  void run(UUID programmeId, List<Pending> batch) {
    batches.run(programmeId, batch);
  }
}
