package org.lectern.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues reminders 24 hours and 1 hour before each published session to every confirmed delegate. A
 * recurring scan rather than one job per delegate: it needs no rescheduling when a session moves,
 * and the dedupe key (kind, session, registration, start time) makes every scan idempotent.
 */
@Component
record SessionReminders(
    ProgrammeService programmes,
    ProgrammeFactsLoader facts,
    DelegateRegistrations registrations,
    ReminderMails mails,
    TransactionTemplate transactions,
    Clock clock) {

  enum Reminder {
    DAY("session.reminder24h", "reminder24h", Duration.ofHours(24)),
    HOUR("session.reminder1h", "reminder1h", Duration.ofHours(1));

    final String code;
    final String key;
    final Duration before;

    Reminder(String code, String key, Duration before) {
      this.code = code;
      this.key = key;
      this.before = before;
    }
  }

  /** Queues every reminder that is due now and not queued yet; returns how many were queued. */
  int enqueueDue() {
    Instant now = clock.instant();
    int queued = 0;
    for (Programme programme : programmes.published()) {
      ProgrammeFacts p = facts.load(programme.id());
      for (Session s : p.sessions()) {
        Reminder due = dueReminder(s, now);
        if (due != null) {
          queued += queue(p, s, due);
        }
      }
    }
    return queued;
  }

  /** The day reminder from 24 h to 1 h before the start, the hour reminder in the last hour. */
  static Reminder dueReminder(Session s, Instant now) {
    if (!now.isBefore(s.startsAt())) {
      return null;
    }
    if (!now.isBefore(s.startsAt().minus(Reminder.HOUR.before))) {
      return Reminder.HOUR;
    }
    if (!now.isBefore(s.startsAt().minus(Reminder.DAY.before))) {
      return Reminder.DAY;
    }
    return null;
  }

  private int queue(ProgrammeFacts p, Session s, Reminder r) {
    List<MailRecipient> contacts = registrations.confirmedOf(p.programme().id());
    Integer n =
        transactions.execute(
            tx -> (int) contacts.stream().filter(c -> mails.send(p, s, r, c)).count());
    return n == null ? 0 : n;
  }
}
