package org.lectern.registration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.registration.CapacityRepository.Capacity;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The capacity path (ADR 0004). A new registration that needs nothing but a free seat takes the
 * shared path: a SHARE lock of the programme row and one seat of {@link FreeSeats} claimed with
 * SKIP LOCKED, so such registrations commit in parallel. Everything else — waitlist, reopening a
 * cancelled registration, room seats, cancel, approve, moves — locks the programme row exclusively
 * first (which waits for every shared registration in flight), then counts and changes, and
 * recounts the free seats: seats can never be over-given, and the waitlist is served strictly in
 * order.
 */
@Component
record EnrolmentService(
    RegistrationRepository registrations,
    CapacityRepository capacity,
    AnswerRepository answers,
    RoomSeats rooms,
    FreeSeats freeSeats,
    SharedEnrolment sharedPath,
    ApplicationEventPublisher events,
    Clock clock,
    Transactions transactions) {

  /** The registration and whether it was created now (false: the same e-mail had one). */
  record Outcome(Registration registration, boolean created) {}

  /** What a validated submission contributes. */
  record Entry(
      DelegateDetails details,
      List<Answer> answers,
      Map<UUID, AttendanceMode> attendance,
      UUID consentId,
      String consentLanguage,
      UUID invitationId) {

    /** The new registration this entry makes: a fresh id, created and updated {@code now}. */
    Registration newRegistration(
        UUID programmeId, RegistrationStatus status, Long waitlistSeq, java.time.Instant now) {
      return new Registration(
          UUID.randomUUID(),
          programmeId,
          status,
          waitlistSeq,
          details,
          consentId,
          consentLanguage,
          invitationId,
          null,
          now,
          now,
          0);
    }
  }

  /** Registers within the caller's transaction (refused without one). */
  Outcome register(UUID programmeId, Entry e) {
    return transactions.joined(() -> enrol(programmeId, e));
  }

  private Outcome enrol(UUID programmeId, Entry e) {
    // Encrypted and indexed before any lock is taken.
    var sealed = registrations.seal(programmeId, e.details());
    if (e.attendance().isEmpty()) {
      Registration shared = sharedPath.register(programmeId, e, sealed);
      if (shared != null) {
        // Published here, after the savepoint is released: an event of an attempt rolled back to
        // its savepoint must not be delivered.
        events.publishEvent(announcement(shared));
        return new Outcome(shared, true);
      }
    }
    Capacity cap = lock(programmeId);
    var existing = registrations.findByEmailIndex(programmeId, sealed.emailIndex());
    if (existing.isPresent() && existing.get().status() != RegistrationStatus.CANCELLED) {
      recount(programmeId, cap);
      return new Outcome(existing.get(), false);
    }
    // One count under the lock: the seats taken and whether anyone waits for one. Waiting people
    // are promoted first (a seat freed meanwhile is theirs), which is rare, so counted again then.
    var seats = registrations.seats(programmeId);
    if (seats.waiting() && free(cap, seats.confirmed())) {
      fillFreeSeats(programmeId, cap);
      seats = registrations.seats(programmeId);
    }
    RegistrationStatus status = decide(cap, seats.confirmed());
    Long seq = status == RegistrationStatus.WAITLISTED ? capacity.nextWaitlistSeq() : null;
    Registration r;
    if (existing.isPresent()) {
      r =
          existing
              .get()
              .reopen(e.details(), status, seq, e.consentId(), e.consentLanguage(), clock);
      saveOrFail(r);
      r = registrations.find(r.id()).orElseThrow();
    } else {
      r = e.newRegistration(programmeId, status, seq, clock.instant());
      registrations.insert(r, sealed);
    }
    // A new row has nothing to replace: skip statements while the lock is held.
    if (existing.isPresent() || !e.answers().isEmpty()) {
      answers.replace(r.programmeId(), r.id(), e.answers());
    }
    if (existing.isPresent() || !e.attendance().isEmpty()) {
      rooms.choose(r.id(), e.attendance());
    }
    if (r.holdsSeat()) {
      rooms.allocate(r.id());
    }
    recount(programmeId, cap);
    events.publishEvent(announcement(r));
    return new Outcome(r, true);
  }

  /** After every change under the exclusive lock: the free-seat stock matches the rows again. */
  private void recount(UUID programmeId, Capacity cap) {
    freeSeats.recount(programmeId, cap.capacity(), registrations.seats(programmeId));
  }

  private static RegistrationStatus decide(Capacity cap, int confirmed) {
    if (cap.approvalRequired()) {
      return RegistrationStatus.PENDING;
    }
    if (free(cap, confirmed)) {
      return RegistrationStatus.CONFIRMED;
    }
    if (cap.waitlist()) {
      return RegistrationStatus.WAITLISTED;
    }
    throw new ConflictException("registration.full");
  }

  Registration cancel(Registration loaded) {
    return transactions.joined(
        () -> {
          Capacity cap = lock(loaded.programmeId());
          Registration r = fresh(loaded).cancel(clock);
          saveOrFail(r);
          rooms.release(r.id(), false);
          events.publishEvent(new RegistrationCancelled(r.id(), r.programmeId()));
          fillFreeSeats(r.programmeId(), cap);
          recount(r.programmeId(), cap);
          return r;
        });
  }

  Registration approve(Registration loaded) {
    return transactions.joined(
        () -> {
          Capacity cap = lock(loaded.programmeId());
          fillFreeSeats(loaded.programmeId(), cap);
          boolean seat = hasFreeSeat(loaded.programmeId(), cap);
          if (!seat && !cap.waitlist()) {
            throw new ConflictException("registration.full");
          }
          Registration r =
              fresh(loaded).approve(seat, seat ? null : capacity.nextWaitlistSeq(), clock);
          saveOrFail(r);
          if (r.holdsSeat()) {
            rooms.allocate(r.id());
          }
          recount(r.programmeId(), cap);
          events.publishEvent(announcement(r));
          return r;
        });
  }

  Registration decline(Registration loaded, String message) {
    return transactions.joined(
        () -> {
          lock(loaded.programmeId());
          Registration r = fresh(loaded).decline(message, clock);
          saveOrFail(r);
          rooms.release(r.id(), false);
          events.publishEvent(new RegistrationDeclined(r.id(), r.programmeId()));
          return r;
        });
  }

  /** The organiser gives a waitlisted person a seat, out of order; only if one is free. */
  Registration confirm(Registration loaded) {
    return transactions.joined(
        () -> {
          Capacity cap = lock(loaded.programmeId());
          if (!hasFreeSeat(loaded.programmeId(), cap)) {
            throw new ConflictException("registration.full");
          }
          Registration r = fresh(loaded).promote(clock);
          saveOrFail(r);
          rooms.allocate(r.id());
          recount(r.programmeId(), cap);
          events.publishEvent(new RegistrationPromoted(r.id(), r.programmeId()));
          return r;
        });
  }

  /** The organiser moves a confirmed person to the end of the waitlist; the seat is refilled. */
  Registration toWaitlist(Registration loaded) {
    return transactions.joined(
        () -> {
          Capacity cap = lock(loaded.programmeId());
          Registration r = fresh(loaded).toWaitlist(capacity.nextWaitlistSeq(), clock);
          saveOrFail(r);
          rooms.release(r.id(), true);
          events.publishEvent(new RegistrationWaitlisted(r.id(), r.programmeId()));
          fillFreeSeats(r.programmeId(), cap);
          recount(r.programmeId(), cap);
          return registrations.find(r.id()).orElseThrow();
        });
  }

  /** Promotes waitlisted people, first come first served, while seats are free. */
  private void fillFreeSeats(UUID programmeId, Capacity cap) {
    while (hasFreeSeat(programmeId, cap)) {
      var first = registrations.firstWaitlisted(programmeId);
      if (first.isEmpty()) {
        return;
      }
      Registration promoted = first.get().promote(clock);
      saveOrFail(promoted);
      rooms.allocate(promoted.id());
      events.publishEvent(new RegistrationPromoted(promoted.id(), programmeId));
    }
  }

  private boolean hasFreeSeat(UUID programmeId, Capacity cap) {
    return free(cap, capacity.countConfirmed(programmeId));
  }

  private static boolean free(Capacity cap, int confirmed) {
    return cap.capacity() == null || confirmed < cap.capacity();
  }

  private Capacity lock(UUID programmeId) {
    return capacity
        .lockProgramme(programmeId)
        .orElseThrow(() -> new NotFoundException("programme.notFound"));
  }

  // Re-read under the lock: the copy the caller loaded may predate a concurrent change.
  private Registration fresh(Registration r) {
    return registrations
        .find(r.id())
        .orElseThrow(() -> new NotFoundException("registration.notFound"));
  }

  private void saveOrFail(Registration r) {
    if (!registrations.update(r)) {
      throw new ConflictException("registration.changedMeanwhile");
    }
  }

  static Object announcement(Registration r) {
    return switch (r.status()) {
      case CONFIRMED -> new RegistrationConfirmed(r.id(), r.programmeId());
      case WAITLISTED -> new RegistrationWaitlisted(r.id(), r.programmeId());
      case PENDING -> new RegistrationPending(r.id(), r.programmeId());
      case DECLINED -> new RegistrationDeclined(r.id(), r.programmeId());
      case CANCELLED -> new RegistrationCancelled(r.id(), r.programmeId());
    };
  }
}
