package org.lectern.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.notification.DelegateRegistrations;
import org.lectern.notification.MailRecipient;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recurring scan behind the follow-up survey: for every programme whose follow-up is open,
 * invites each confirmed delegate once and, {@link FollowUpWindow#REMIND_AFTER_DAYS} days later,
 * reminds once those who have not answered. The sent table and the outbox's dedupe key make each
 * scan idempotent, so a scan repeated on another node sends nothing twice.
 */
@Component
record FollowUpScan(
    ProgrammeService programmes,
    DelegateRegistrations registrations,
    FollowUps followUps,
    FollowUpRepository repository,
    FollowUpMails mails,
    TransactionTemplate transactions,
    Clock clock) {

  /** Queues what is due now; returns how many mails were queued. */
  int sendDue() {
    Instant now = clock.instant();
    int queued = 0;
    // The shortest delay is one month: no programme that ended later can be due.
    for (UUID id : repository.programmesEndedBefore(now.minus(java.time.Duration.ofDays(27)))) {
      Programme p = programmes.find(id).orElse(null);
      if (p == null) {
        continue;
      }
      var w = followUps.window(p);
      if (w.isPresent() && w.get().open(now)) {
        queued += scan(p, now);
      }
    }
    return queued;
  }

  /** Scans one programme, whatever its window says (the tests' way in). */
  int scan(Programme p, Instant now) {
    Integer n =
        transactions.execute(
            tx -> {
              int sent = 0;
              Map<UUID, MailRecipient> contacts =
                  registrations.confirmedOf(p.id()).stream()
                      .collect(
                          Collectors.toMap(
                              MailRecipient::registrationId, Function.identity(), (a, b) -> a));
              for (var c : contacts.values()) {
                if (!repository.responded(p.id(), c.registrationId())
                    && repository.markInvited(p.id(), c.registrationId(), now)
                    && mails.send(p.id(), c, false)) {
                  sent++;
                }
              }
              for (UUID r :
                  repository.dueReminder(p.id(), FollowUpWindow.remindInvitedBefore(now))) {
                var c = contacts.get(r);
                if (c != null
                    && repository.markReminded(p.id(), r, now)
                    && mails.send(p.id(), c, true)) {
                  sent++;
                }
              }
              return sent;
            });
    return n == null ? 0 : n;
  }
}
