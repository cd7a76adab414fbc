package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.support.IntegrationTest;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new registration's mail is noted in the registration's own transaction and composed after it
 * (issue 16): it exists exactly when the registration does, a note left behind (a crash between the
 * commit and composing) is composed by the sender, and noting twice queues one mail.
 */
class RegistrationMailJobsIT extends IntegrationTest {

  @Autowired RegistrationService registrations;
  @Autowired OutboxSender sender;
  @Autowired TransactionTemplate transactions;
  @Autowired OutboxRepository outbox;

  MailFixtures.Programme programme;

  @BeforeAll
  void programme() {
    programme = MailFixtures.programme(jdbc);
  }

  RegistrationRequest request(String email) {
    return Registrations.request("Айгерим Сапарова", email, "ru", false, Map.of());
  }

  int mails(UUID registrationId) {
    return jdbc.sql(
            "select count(*) from mail_outbox where kind = 'registration.confirmed' and related_id = :r")
        .param("r", registrationId)
        .query(Integer.class)
        .single();
  }

  int notes(UUID registrationId) {
    return jdbc.sql(
            "select count(*) from registration_mail_job"
                + " where registration_id = :r or :r = any(registration_ids)")
        .param("r", registrationId)
        .query(Integer.class)
        .single();
  }

  /**
   * The sender composes what is left; the background thread may be composing the same notes at that
   * moment (they are skipped while it holds them), so wait for it, with a deadline.
   */
  void composeEverything() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    do {
      sender.sendDue();
    } while (jdbc.sql("select count(*) from registration_mail_job where next_attempt_at <= now()")
                .query(Integer.class)
                .single()
            > 0
        && System.nanoTime() < deadline);
  }

  @Test
  void aRegistrationGetsItsMailOnceTheNoteIsComposed() {
    UUID id =
        registrations
            .register(programme.id(), request("jobs-one@example.kz"), null)
            .registration()
            .id();
    composeEverything();
    assertThat(mails(id)).isEqualTo(1);
    assertThat(notes(id)).isZero();
  }

  @Test
  void aRegistrationRolledBackLeavesNeitherNoteNorMail() {
    UUID id =
        transactions.execute(
            tx -> {
              UUID made =
                  registrations
                      .register(programme.id(), request("jobs-rolled-back@example.kz"), null)
                      .registration()
                      .id();
              assertThat(notes(made)).isEqualTo(1);
              tx.setRollbackOnly();
              return made;
            });
    composeEverything();
    assertThat(notes(id)).isZero();
    assertThat(mails(id)).isZero();
    assertThat(
            jdbc.sql("select count(*) from registration where id = :r")
                .param("r", id)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aNoteLeftBehindIsComposedByTheSenderAndTwiceGivesOneMail() {
    UUID id =
        registrations
            .register(programme.id(), request("jobs-left@example.kz"), null)
            .registration()
            .id();
    composeEverything();
    // As after a crash between a commit and its composing: the note is there, the mail is not.
    jdbc.sql("delete from mail_outbox where related_id = :r").param("r", id).update();
    for (int i = 0; i < 2; i++) {
      jdbc.sql(
              "insert into registration_mail_job (kind, registration_id) values ('registration.confirmed', :r)")
          .param("r", id)
          .update();
    }
    assertThat(notes(id)).isEqualTo(2);
    composeEverything();
    assertThat(notes(id)).isZero();
    assertThat(mails(id)).isEqualTo(1);
  }

  @Test
  void aMailThatFailsIsPutBackAndTheOthersOfItsBatchAreQueued() {
    UUID good =
        registrations
            .register(programme.id(), request("jobs-batch-good@example.kz"), null)
            .registration()
            .id();
    UUID broken =
        registrations
            .register(programme.id(), request("jobs-batch-broken@example.kz"), null)
            .registration()
            .id();
    composeEverything();
    // Both notes again, in one batch; the second registration's name no longer decrypts, so
    // composing its mail fails (the batch is rolled back and composed again one by one).
    jdbc.sql("delete from mail_outbox where related_id in (:r)")
        .param("r", java.util.List.of(good, broken))
        .update();
    jdbc.sql("update registration set full_name = '\\x00'::bytea where id = :r")
        .param("r", broken)
        .update();
    for (UUID id : java.util.List.of(good, broken)) {
      jdbc.sql(
              "insert into registration_mail_job (kind, registration_id) values ('registration.confirmed', :r)")
          .param("r", id)
          .update();
    }
    composeEverything();
    assertThat(mails(good)).isEqualTo(1);
    assertThat(notes(good)).isZero();
    assertThat(mails(broken)).isZero();
    assertThat(
            jdbc.sql(
                    "select attempts from registration_mail_job where registration_id = :r"
                        + " and next_attempt_at > now() and last_error is not null")
                .param("r", broken)
                .query(Integer.class)
                .list())
        .containsExactly(1);
  }

  /**
   * A batch registered together notes its mails in one row (issue 16, ninth pass): composing it
   * gives each of its registrations one mail, and one whose mail fails waits in a note of its own
   * while the others are queued.
   */
  @Test
  void aBatchsNoteGivesEachItsMailAndAFailureWaitsAlone() {
    UUID first = register("Первый Участник", "jobs-listed-1@example.kz");
    UUID broken = register("Второй Участник", "jobs-listed-2@example.kz");
    UUID third = register("Третий Участник", "jobs-listed-3@example.kz");
    composeEverything();
    jdbc.sql("delete from mail_outbox where related_id in (:r)")
        .param("r", java.util.List.of(first, broken, third))
        .update();
    jdbc.sql("update registration set full_name = '\\x00'::bytea where id = :r")
        .param("r", broken)
        .update();
    jdbc.sql(
            "insert into registration_mail_job (kind, registration_ids)"
                + " values ('registration.confirmed', cast(:ids as uuid[]))")
        .param("ids", new UUID[] {first, broken, third})
        .update();
    assertThat(notes(broken)).isEqualTo(1);
    composeEverything();
    assertThat(mails(first)).isEqualTo(1);
    assertThat(mails(third)).isEqualTo(1);
    assertThat(mails(broken)).isZero();
    assertThat(notes(first)).isZero();
    assertThat(notes(third)).isZero();
    assertThat(
            jdbc.sql(
                    "select attempts from registration_mail_job where registration_id = :r"
                        + " and registration_ids is null and next_attempt_at > now()"
                        + " and last_error is not null")
                .param("r", broken)
                .query(Integer.class)
                .list())
        .containsExactly(1);
  }

  /**
   * Issue 16, eighth pass: the outbox's ciphertext is stored as it is — out of line when the row is
   * large, never put through a compression attempt that cannot succeed — and a registration's mail
   * row is stored uncompressed.
   */
  @Test
  void theOutboxStoresItsCiphertextWithoutTryingToCompressIt() {
    assertThat(
            jdbc.sql(
                    """
                    select string_agg(attname::text || '=' || attstorage::text, ',' order by attname)
                    from pg_attribute where attrelid = 'mail_outbox'::regclass
                      and attname in ('recipient', 'subject', 'body_text', 'body_html',
                                      'unsubscribe_url')
                    """)
                .query(String.class)
                .single())
        .isEqualTo("body_html=e,body_text=e,recipient=e,subject=e,unsubscribe_url=e");
    var r = registrations.register(programme.id(), request("storage@example.kz"), null);
    composeEverything();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from mail_outbox where related_id = :r
                      and pg_column_compression(body_html) is null
                      and pg_column_compression(body_text) is null
                    """)
                .param("r", r.registration().id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // Issue 16, tenth pass: its words are stored once for many mails, also as they are.
    assertThat(
            jdbc.sql(
                    """
                    select a.attstorage::text || ':' || (pg_column_compression(b.body) is null)
                    from mail_outbox m join mail_shared_body b on b.id = m.shared_body_id
                    join pg_attribute a on a.attrelid = 'mail_shared_body'::regclass
                      and a.attname = 'body'
                    where m.related_id = :r
                    """)
                .param("r", r.registration().id())
                .query(String.class)
                .single())
        .isEqualTo("e:true");
  }

  UUID register(String fullName, String email) {
    return registrations
        .register(
            programme.id(), Registrations.request(fullName, email, "ru", false, Map.of()), null)
        .registration()
        .id();
  }

  OutgoingMail mailOf(UUID registrationId) {
    UUID id =
        jdbc.sql("select id from mail_outbox where related_id = :r")
            .param("r", registrationId)
            .query(UUID.class)
            .single();
    return outbox.find(id).orElseThrow().mail();
  }

  /**
   * The mails of one batch are laid out once (issue 16, eighth pass): each still greets its own
   * person, escaped in the HTML, and the next batch shows a programme's new title.
   */
  @Test
  void theMailsOfABatchDifferInTheGreetingOnlyAndTheNextBatchShowsANewTitle() {
    UUID anna = register("Анна <Иванова>", "jobs-alike-anna@example.kz");
    UUID bolat = register("Болат & сыновья", "jobs-alike-bolat@example.kz");
    composeEverything();
    // Composed again, both in one batch.
    jdbc.sql("delete from mail_outbox where related_id in (:r)")
        .param("r", java.util.List.of(anna, bolat))
        .update();
    for (UUID id : java.util.List.of(anna, bolat)) {
      jdbc.sql(
              "insert into registration_mail_job (kind, registration_id) values ('registration.confirmed', :r)")
          .param("r", id)
          .update();
    }
    composeEverything();
    OutgoingMail a = mailOf(anna);
    OutgoingMail b = mailOf(bolat);
    assertThat(a.text()).contains("Анна <Иванова>").doesNotContain("Болат");
    assertThat(b.text()).contains("Болат & сыновья").doesNotContain("Анна");
    assertThat(a.html()).contains("Анна &lt;Иванова&gt;").doesNotContain("Анна <");
    assertThat(b.html()).contains("Болат &amp; сыновья");
    assertThat(a.text().replace("Анна <Иванова>", "X"))
        .isEqualTo(b.text().replace("Болат & сыновья", "X"));
    assertThat(a.subject()).isEqualTo(b.subject()).contains(MailFixtures.TITLE_RU);
    assertThat(a.text()).contains(MailFixtures.TITLE_RU);

    String title =
        jdbc.sql("select title::text from programme where id = :p")
            .param("p", programme.id())
            .query(String.class)
            .single();
    try {
      jdbc.sql(
              "update programme set title = jsonb_set(title, '{ru}', '\"Новое название\"') where id = :p")
          .param("p", programme.id())
          .update();
      UUID next = register("Ержан", "jobs-alike-next@example.kz");
      composeEverything();
      OutgoingMail n = mailOf(next);
      assertThat(n.subject()).contains("Новое название").doesNotContain(MailFixtures.TITLE_RU);
      assertThat(n.text()).contains("Новое название").doesNotContain(MailFixtures.TITLE_RU);
      assertThat(n.html()).contains("Новое название");
    } finally {
      jdbc.sql("update programme set title = cast(:t as jsonb) where id = :p")
          .param("t", title)
          .param("p", programme.id())
          .update();
    }
  }
}
