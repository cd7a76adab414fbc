package org.lectern.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;

/**
 * One person's registration for a programme. State changes are methods that refuse what the rules
 * forbid; seats and the waitlist order are decided by {@link EnrolmentService} under a lock.
 */
public record Registration(
    UUID id,
    UUID programmeId,
    RegistrationStatus status,
    Long waitlistSeq,
    DelegateDetails details,
    UUID consentId,
    String consentLanguage,
    UUID invitationId,
    String decisionMessage,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public Registration cancel(Clock clock) {
    if (status == RegistrationStatus.CANCELLED) {
      throw new ConflictException("registration.alreadyCancelled");
    }
    if (status == RegistrationStatus.DECLINED) {
      throw new ConflictException("registration.notActive");
    }
    return to(RegistrationStatus.CANCELLED, null, decisionMessage, clock);
  }

  /** The first waitlisted person gets a freed seat. */
  public Registration promote(Clock clock) {
    if (status != RegistrationStatus.WAITLISTED) {
      throw new ConflictException("registration.notWaitlisted");
    }
    return to(RegistrationStatus.CONFIRMED, null, decisionMessage, clock);
  }

  /** The organiser approves: a seat if one is free ({@code seat}), else the waitlist. */
  public Registration approve(boolean seat, Long seq, Clock clock) {
    if (status != RegistrationStatus.PENDING) {
      throw new ConflictException("registration.notPending");
    }
    return seat
        ? to(RegistrationStatus.CONFIRMED, null, decisionMessage, clock)
        : to(RegistrationStatus.WAITLISTED, seq, decisionMessage, clock);
  }

  public Registration decline(String message, Clock clock) {
    if (status != RegistrationStatus.PENDING && status != RegistrationStatus.WAITLISTED) {
      throw new ConflictException("registration.notPending");
    }
    return to(RegistrationStatus.DECLINED, null, message, clock);
  }

  /** The organiser moves a confirmed person back to the end of the waitlist. */
  public Registration toWaitlist(long seq, Clock clock) {
    if (status != RegistrationStatus.CONFIRMED) {
      throw new ConflictException("registration.notConfirmed");
    }
    return to(RegistrationStatus.WAITLISTED, seq, decisionMessage, clock);
  }

  /** Someone who cancelled registers again: the same row, new details, a fresh decision. */
  public Registration reopen(
      DelegateDetails newDetails,
      RegistrationStatus newStatus,
      Long seq,
      UUID consent,
      String consentLang,
      Clock clock) {
    if (status != RegistrationStatus.CANCELLED) {
      throw new ConflictException("registration.notCancelled");
    }
    return new Registration(
        id,
        programmeId,
        newStatus,
        seq,
        newDetails,
        consent,
        consentLang,
        invitationId,
        null,
        createdAt,
        clock.instant(),
        version);
  }

  public boolean holdsSeat() {
    return status == RegistrationStatus.CONFIRMED;
  }

  private Registration to(RegistrationStatus s, Long seq, String message, Clock clock) {
    return new Registration(
        id,
        programmeId,
        s,
        seq,
        details,
        consentId,
        consentLanguage,
        invitationId,
        message,
        createdAt,
        clock.instant(),
        version);
  }
}
