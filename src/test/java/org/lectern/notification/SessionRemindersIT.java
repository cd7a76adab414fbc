package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.registration.OwnRegistrations;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders 24 h and 1 h before a session reach confirmed delegates once, with the join link. */
class SessionRemindersIT extends IntegrationTest {

  @Autowired SessionReminders reminders;
  @Autowired RegistrationService registrations;
  @Autowired OwnRegistrations own;

  @Test
  void eachReminderIsQueuedOnceForConfirmedDelegatesWithTheirJoinLink() {
    var programme = MailFixtures.programme(jdbc);
    UUID soon =
        MailFixtures.session(jdbc, programme.id(), Instant.now().plus(Duration.ofMinutes(30)), 0);
    UUID tomorrow =
        MailFixtures.session(jdbc, programme.id(), Instant.now().plus(Duration.ofHours(20)), 0);
    String kk = "reminded." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    var confirmed =
        registrations.register(
            programme.id(), RegistrationRequest.minimal("Ерлан", kk, "kk"), null);
    assertThat(confirmed.registration().status().name()).isEqualTo("CONFIRMED");
    int before = reminderRows();

    int queued = reminders.enqueueDue();

    // Two future sessions inside their windows: the hour reminder for the one starting in 30
    // minutes, the day reminder for the one tomorrow. The two fixture sessions from 2031 are
    // not due. The mail fixture programme has no other confirmed delegate.
    assertThat(queued).isEqualTo(2);
    assertThat(reminderRows()).isEqualTo(before + 2);
    assertThat(reminders.enqueueDue()).as("a second scan queues nothing").isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where kind = 'session.reminder1h' and related_id = :s")
                .param("s", soon)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where kind = 'session.reminder24h' and related_id = :s")
                .param("s", tomorrow)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aMovedSessionGetsNewRemindersAndCancelledPeopleNone() {
    var programme = MailFixtures.programme(jdbc);
    UUID moved =
        MailFixtures.session(jdbc, programme.id(), Instant.now().plus(Duration.ofHours(10)), 0);
    String a = "moved." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    String b = "gone." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    registrations.register(programme.id(), RegistrationRequest.minimal("Айгүл", a, "ru"), null);
    var cancelled =
        registrations.register(programme.id(), RegistrationRequest.minimal("Берік", b, "ru"), null);
    own.cancelByDelegate(b, cancelled.registration().id());
    assertThat(reminders.enqueueDue()).isEqualTo(1);
    jdbc.sql("update session set starts_at = :s, ends_at = :e where id = :id")
        .param("s", Timestamp.from(Instant.now().plus(Duration.ofHours(12))))
        .param("e", Timestamp.from(Instant.now().plus(Duration.ofHours(14))))
        .param("id", moved)
        .update();
    assertThat(reminders.enqueueDue()).as("the moved session is reminded again").isEqualTo(1);
  }

  int reminderRows() {
    return jdbc.sql("select count(*) from mail_outbox where kind like 'session.reminder%'")
        .query(Integer.class)
        .single();
  }
}
