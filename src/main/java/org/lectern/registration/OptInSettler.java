package org.lectern.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.OptInMailer.Kind;
import org.lectern.registration.OptInMailer.Outlook;
import org.lectern.registration.RequestRepository.Stored;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.logging.Scrubbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mail step of double opt-in (ADR 0013), in batches (issue 16). A submission commits only its
 * request; the request row itself, still without a link, is the durable note that its mail is due
 * (no event publication per submission). After the commit one background thread takes the due
 * requests a batch at a time ({@code for update skip locked}, so nodes share the work), reads each
 * programme, its form and its seats once per batch, and decides per request what to tell the
 * address — confirm, already registered, full, closed — in the transaction that queues the mail, so
 * every request gets its mail at least once. Requests left over (a crash, another node's restart)
 * are taken when the application starts and with the quarter-hourly clean-up.
 */
@Component
record OptInSettler(
    RegistrationService service,
    ProgrammeService programmes,
    FormSetupRepository forms,
    RegistrationRepository registrations,
    RequestRepository requests,
    OptInMailer mailer,
    Transactions transactions,
    OptInThread thread,
    Clock clock,
    @Value("${lectern.base-url}") String baseUrl) {

  private static final Logger log = LoggerFactory.getLogger(OptInSettler.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int BATCH = 50;

  /** In the submission's transaction: the mail step runs once it has committed. */
  void afterCommit() {
    thread.soonAfterCommit(this::settleAllDue);
  }

  /** Requests a crash or a restart left without their mail. */
  @EventListener(ApplicationReadyEvent.class)
  void started() {
    soon();
  }

  /** Asks the background thread to answer what is due; calls while it works coalesce. */
  void soon() {
    thread.soon(this::settleAllDue);
  }

  private void settleAllDue() {
    Set<UUID> failed = new HashSet<>();
    while (settleDue(failed) == BATCH) {
      // more are waiting
    }
  }

  /**
   * Answers up to {@link #BATCH} due requests in one transaction; returns how many it took. If any
   * fails, that transaction rolls back and the batch is answered one request per transaction; a
   * request that fails alone is skipped until the next drain.
   */
  int settleDue(Set<UUID> failed) {
    try {
      return transactions.result(() -> settle(requests.lockUnsettled(BATCH, failed)));
    } catch (RuntimeException e) {
      List<UUID> ids = transactions.result(() -> requests.unsettledIds(BATCH, failed));
      for (UUID id : ids) {
        try {
          transactions.run(() -> requests.lockUnprocessed(id).ifPresent(r -> settle(List.of(r))));
        } catch (RuntimeException one) {
          failed.add(id);
          log.warn("Answering registration request {} failed: {}", id, Scrubbed.describe(one));
        }
      }
      return ids.size();
    }
  }

  /** What one batch reads once per programme. */
  private record Facts(
      Programme programme, boolean open, boolean doubleOptIn, Outlook outlook, boolean full) {}

  private int settle(List<Stored> due) {
    Map<UUID, Optional<Facts>> facts = new HashMap<>();
    for (Stored req : due) {
      Facts f = facts.computeIfAbsent(req.programmeId(), this::facts).orElse(null);
      if (f == null) {
        requests.delete(req.id());
        continue;
      }
      settle(req, f);
    }
    return due.size();
  }

  private Optional<Facts> facts(UUID programmeId) {
    return programmes
        .find(programmeId)
        .map(
            p -> {
              Outlook outlook = outlook(p);
              return new Facts(
                  p,
                  service.isOpen(p, forms.form(p.id(), clock.instant())),
                  forms.doubleOptIn(p.id()),
                  outlook,
                  outlook == null);
            });
  }

  private void settle(Stored req, Facts f) {
    Programme p = f.programme();
    EnrolmentService.Entry entry = req.entry();
    var existing = registrations.findByEmail(p.id(), entry.details().email());
    Kind kind;
    if (existing.isPresent() && existing.get().status() != RegistrationStatus.CANCELLED) {
      kind = Kind.ALREADY_REGISTERED;
    } else if (!f.open()) {
      kind = Kind.CLOSED;
    } else if (!f.doubleOptIn()) {
      // Switched off by the organiser: enrol now; the usual mails tell the outcome.
      kind = enrolNow(p.id(), entry);
    } else {
      kind = f.full() ? Kind.FULL : Kind.CONFIRM;
    }
    String link = null;
    if (kind == Kind.CONFIRM) {
      String token = newToken();
      requests.issueLink(req.id(), Sha256.hex(Sha256.bytes(token)));
      link = baseUrl + "/programmes/" + p.slug() + "/register/confirm?token=" + token;
    } else {
      requests.delete(req.id());
    }
    if (kind != null) {
      var d = entry.details();
      mailer.send(
          kind,
          req.id(),
          p.id(),
          d.email(),
          d.fullName(),
          d.language(),
          link,
          kind == Kind.CONFIRM ? f.outlook() : null);
    }
  }

  // In a savepoint, so that "full" rolls back only the attempt, not the batch.
  private Kind enrolNow(UUID programmeId, EnrolmentService.Entry entry) {
    try {
      transactions.savepoint(() -> service.enrol(programmeId, entry));
      return null;
    } catch (ConflictException e) {
      return Kind.FULL;
    }
  }

  // As things stand when the batch is read (no lock: the seat is decided at confirmation); null:
  // full, no waitlist.
  private Outlook outlook(Programme p) {
    if (p.approvalRequired()) {
      return Outlook.APPROVAL;
    }
    if (p.capacity() == null || registrations.seats(p.id()).confirmed() < p.capacity()) {
      return Outlook.SEAT;
    }
    return p.waitlist() ? Outlook.WAITLIST : null;
  }

  private static String newToken() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
