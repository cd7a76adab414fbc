package org.lectern.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.registration.EnrolmentService.Entry;
import org.lectern.registration.EnrolmentService.Outcome;
import org.lectern.registration.GroupEnrolment.Pending;
import org.lectern.registration.RegistrationRepository.Sealed;
import org.lectern.shared.database.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One batch of {@link GroupEnrolment} (ADR 0004, amendment "group commit"): its entries registered
 * together in one transaction — the SHARE lock of the programme row, one statement that claims
 * their seats and inserts their rows, one event — and every entry the batch left out (or all, if
 * its transaction failed) registered alone afterwards by {@link EnrolmentService}, in their order
 * of arrival. An entry checked against this node's copy ({@link ProgrammeCopies}) is registered
 * only if the batch's own reads find the copy current; otherwise it is marked stale, with nothing
 * written.
 */
@Component
final class GroupBatch {

  private static final Logger log = LoggerFactory.getLogger(GroupBatch.class);

  private final FreeSeats freeSeats;
  private final ProgrammeCopies copies;
  private final AnswerRepository answers;
  private final EnrolmentService enrolment;
  private final ApplicationEventPublisher events;
  private final Transactions transactions;
  private final Clock clock;
  private final ApiTokenService tokens;

  GroupBatch(
      FreeSeats freeSeats,
      ProgrammeCopies copies,
      AnswerRepository answers,
      EnrolmentService enrolment,
      ApplicationEventPublisher events,
      Transactions transactions,
      Clock clock,
      ApiTokenService tokens) {
    this.freeSeats = freeSeats;
    this.copies = copies;
    this.answers = answers;
    this.enrolment = enrolment;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.tokens = tokens;
  }

  /**
   * Runs one batch: first all together, then every entry left out (or all, if the batch failed) one
   * at a time, in their order of arrival.
   */
  void run(UUID programmeId, List<Pending> batch) {
    List<Pending> together = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    for (Pending p : batch) {
      // The same address twice: the second waits for the batch and then finds the first.
      if (addresses.add(p.sealed.emailIndex())) {
        together.add(p);
      } else if (p.copy != null) {
        // Its copy would not be checked by the batch: checked again from fresh reads.
        p.stale = true;
      }
    }
    if (!together.isEmpty()) {
      try {
        transactions.run(() -> together(programmeId, together));
      } catch (RuntimeException failed) {
        log.warn(
            "A batch of {} registrations of programme {} failed; registering them one by one: {}",
            together.size(),
            programmeId,
            failed.toString());
        for (Pending p : together) {
          p.outcome = null;
          // Its copy was not confirmed by a committed read: checked again from fresh reads.
          p.stale = p.copy != null;
        }
      }
    }
    for (Pending p : batch) {
      if (p.outcome == null && !p.stale && !p.refused) {
        try {
          p.outcome = transactions.result(() -> enrolment.register(programmeId, p.entry));
        } catch (RuntimeException refused) {
          p.failure = refused;
        }
      }
    }
  }

  /**
   * The entries whose check still holds: those checked against fresh reads, and those checked
   * against this node's copy when the programme's facts and its form set-up, read in the statement
   * that takes the programme's SHARE lock, are what the copy holds. The others are marked stale and
   * their copy is dropped: nothing of theirs is written.
   */
  private List<Pending> current(UUID programmeId, FreeSeats.Whole whole, List<Pending> entries) {
    if (entries.stream().allMatch(x -> x.copy == null)) {
      return entries;
    }
    List<Pending> current = new ArrayList<>();
    for (Pending x : entries) {
      if (x.copy == null || whole != null && x.copy.current(whole.facts(), whole.form())) {
        current.add(x);
      } else {
        x.stale = true;
        copies.forget(programmeId, x.copy);
      }
    }
    return current;
  }

  /**
   * The entries whose API token still works, checked for the whole batch in one statement after the
   * programme's lock (ADR 0004, amendment "the token checked in the batch"): an entry whose token
   * was revoked, expired or whose account was disabled is refused, nothing of it written; one whose
   * account's platform role changed since the node noted the token is checked again from fresh
   * reads (stale). Entries whose token the filter read are kept as they are.
   */
  private List<Pending> tokensChecked(List<Pending> all) {
    List<UUID> ids = new ArrayList<>();
    for (Pending x : all) {
      if (x.token != null) {
        ids.add(x.token.tokenId());
      }
    }
    if (ids.isEmpty()) {
      return all;
    }
    Map<UUID, Boolean> valid = tokens.stillValid(ids);
    List<Pending> kept = new ArrayList<>();
    for (Pending x : all) {
      if (x.token == null) {
        kept.add(x);
        continue;
      }
      Boolean admin = valid.get(x.token.tokenId());
      if (admin == null) {
        x.refused = true;
        x.token.refusedByBatch();
      } else if (admin != x.token.platformAdmin()) {
        x.stale = true;
      } else {
        x.token.checkedByBatch();
        kept.add(x);
      }
    }
    return kept;
  }

  /**
   * In one transaction: the SHARE lock of the programme row, one statement for the seats and the
   * rows, each new registration's answers and event. Leaves the entries it did not register without
   * an outcome; throws (rolling everything back) if a row and its seat do not match.
   */
  private void together(UUID programmeId, List<Pending> all) {
    boolean copied = all.stream().anyMatch(x -> x.copy != null);
    var whole = freeSeats.shareWhole(programmeId, copied ? clock.instant() : null).orElse(null);
    List<Pending> entries = current(programmeId, whole, tokensChecked(all));
    var p = whole == null ? null : whole.shared();
    if (p == null || !p.counted() || entries.isEmpty()) {
      return;
    }
    boolean claim = !p.approvalRequired() && p.capacity() != null;
    RegistrationStatus status =
        p.approvalRequired() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
    var now = clock.instant();
    List<Registration> rows = new ArrayList<>();
    List<Sealed> sealed = new ArrayList<>();
    for (Pending x : entries) {
      Entry e = x.entry;
      rows.add(e.newRegistration(programmeId, status, null, now));
      sealed.add(x.sealed);
    }
    var done = freeSeats.insertAllClaimingSeats(programmeId, rows, sealed, claim, p.firstSeat());
    if (claim && done.seats() != done.inserted().size()) {
      // An address inserted meanwhile by another transaction took a seat without a row: undo all,
      // and let each entry go its own way.
      throw new IllegalStateException("seats and registrations of a batch differ");
    }
    List<UUID> admitted = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Registration r = rows.get(i);
      if (done.inserted().contains(r.id())) {
        Entry e = entries.get(i).entry;
        if (!e.answers().isEmpty()) {
          answers.replace(programmeId, r.id(), e.answers());
        }
        admitted.add(r.id());
        entries.get(i).outcome = new Outcome(r, true);
      }
    }
    // One event for the batch (its mails are noted in one statement), or the usual one for one.
    if (admitted.size() == 1) {
      events.publishEvent(
          EnrolmentService.announcement(
              entries.stream()
                  .filter(x -> x.outcome != null)
                  .findFirst()
                  .orElseThrow()
                  .outcome
                  .registration()));
    } else if (!admitted.isEmpty()) {
      events.publishEvent(new RegistrationsAdmitted(programmeId, status, admitted));
    }
  }
}
