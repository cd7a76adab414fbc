package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.privacy.RemovalReason;
import org.lectern.support.IntegrationTest;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's calendar file is stored once per language and content and referred to by every mail
 * that sends it (issue 16); a changed session time gives a new file, the mail sends the file it was
 * composed with, the files go with the programme's mail, and an undeliverable address is still held
 * when a batch of mails is queued at once.
 */
class SharedCalendarIT extends IntegrationTest {

  @Autowired RegistrationService registrations;
  @Autowired OutboxSender sender;
  @Autowired OutboxRepository outbox;
  @Autowired MailRemoval removal;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired MailFiles mailFiles;

  MailFixtures.Programme programme;

  @BeforeEach
  void programme() {
    programme = MailFixtures.programme(jdbc);
  }

  UUID register(String email, String language) {
    RegistrationRequest request =
        Registrations.request("Айгерим Сапарова", email, language, false, Map.of());
    return registrations.register(programme.id(), request, null).registration().id();
  }

  /** Composes every note (the background thread may hold some: wait for it, with a deadline). */
  void composeEverything() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      sender.sendDue();
    } while (jdbc.sql("select count(*) from registration_mail_job where next_attempt_at <= now()")
                .query(Integer.class)
                .single()
            > 0
        && System.nanoTime() < deadline);
  }

  UUID mailOf(UUID registration) {
    return jdbc.sql(
            "select id from mail_outbox where kind = 'registration.confirmed' and related_id = :r")
        .param("r", registration)
        .query(UUID.class)
        .single();
  }

  UUID fileOf(UUID mail) {
    // A mail that shares its words refers to its file through them (issue 16, tenth pass).
    return jdbc.sql(
            "select coalesce(o.shared_attachment_id, b.shared_attachment_id) from mail_outbox o"
                + " left join mail_shared_body b on b.id = o.shared_body_id where o.id = :m")
        .param("m", mail)
        .query(UUID.class)
        .single();
  }

  int files() {
    return jdbc.sql("select count(*) from mail_shared_attachment where programme_id = :p")
        .param("p", programme.id())
        .query(Integer.class)
        .single();
  }

  String calendarOf(UUID mail) {
    List<MailAttachment> attached = outbox.attachments(mail);
    assertThat(attached).hasSize(1);
    assertThat(attached.get(0).contentType()).isEqualTo(MailAttachment.CALENDAR);
    return new String(attached.get(0).content(), StandardCharsets.UTF_8);
  }

  @Test
  void delegatesOfOneProgrammeAndLanguageShareOneStoredCalendar() {
    UUID first = mailOf(registerAndCompose("shared-one@example.kz", "ru"));
    UUID second = mailOf(registerAndCompose("shared-two@example.kz", "ru"));
    UUID english = mailOf(registerAndCompose("shared-three@example.kz", "en"));
    assertThat(fileOf(first)).isNotNull().isEqualTo(fileOf(second));
    assertThat(fileOf(english)).isNotNull().isNotEqualTo(fileOf(first));
    assertThat(files()).isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from mail_attachment where mail_id in (:m)")
                .param("m", List.of(first, second, english))
                .query(Integer.class)
                .single())
        .as("no copy of the file per mail")
        .isZero();
    assertThat(calendarOf(first)).isEqualTo(calendarOf(second)).contains("BEGIN:VCALENDAR");
    assertThat(calendarOf(english)).isNotEqualTo(calendarOf(first));
  }

  UUID registerAndCompose(String email, String language) {
    UUID id = register(email, language);
    composeEverything();
    return id;
  }

  @Test
  void aBatchOfRegistrationsRefersToOneFileAndSendsItToEach() {
    List<UUID> made =
        List.of(
            register("batch-a@example.kz", "ru"),
            register("batch-b@example.kz", "ru"),
            register("batch-c@example.kz", "ru"));
    composeEverything();
    List<UUID> mails = made.stream().map(this::mailOf).toList();
    assertThat(mails.stream().map(this::fileOf).distinct().toList())
        .hasSize(1)
        .doesNotContainNull();
    assertThat(files()).isEqualTo(1);
    for (UUID mail : mails) {
      assertThat(calendarOf(mail)).contains("20310209T040000Z");
    }
    // Read for the batch at once (with a mail of another language): each mail gets its file, the
    // mails that share one get the one instance, read once.
    UUID englishDelegate = register("batch-en@example.kz", "en");
    composeEverything();
    UUID english = mailOf(englishDelegate);
    List<UUID> batch = new java.util.ArrayList<>(mails);
    batch.add(english);
    Map<UUID, List<MailAttachment>> read = mailFiles.of(batch);
    assertThat(read).containsOnlyKeys(batch);
    MailAttachment russian = read.get(mails.get(0)).get(0);
    for (UUID mail : mails) {
      assertThat(read.get(mail)).hasSize(1);
      assertThat(read.get(mail).get(0)).isSameAs(russian);
    }
    assertThat(russian.sharedId()).isEqualTo(fileOf(mails.get(0)));
    assertThat(read.get(english)).hasSize(1);
    assertThat(read.get(english).get(0).sharedId()).isEqualTo(fileOf(english)).isNotNull();
    assertThat(new String(read.get(english).get(0).content(), StandardCharsets.UTF_8))
        .isEqualTo(calendarOf(english))
        .isNotEqualTo(new String(russian.content(), StandardCharsets.UTF_8));
  }

  @Test
  void aChangedSessionTimeGivesANewFileAndEarlierMailsKeepTheirs() {
    UUID before = mailOf(registerAndCompose("moved-before@example.kz", "ru"));
    jdbc.sql(
            """
            update session set starts_at = :s, ends_at = :e, sequence = sequence + 1,
              updated_at = now() where id = :id
            """)
        .param("s", Timestamp.from(Instant.parse("2031-02-10T05:00:00Z")))
        .param("e", Timestamp.from(Instant.parse("2031-02-10T07:00:00Z")))
        .param("id", programme.first())
        .update();
    UUID after = mailOf(registerAndCompose("moved-after@example.kz", "ru"));
    assertThat(fileOf(after)).isNotEqualTo(fileOf(before));
    assertThat(files()).isEqualTo(2);
    assertThat(calendarOf(after)).contains("20310210T050000Z").doesNotContain("20310209T040000Z");
    assertThat(calendarOf(before)).contains("20310209T040000Z");
  }

  @Test
  void theFilesGoWithTheProgrammesMailAndStayWhileAMailSendsThem() {
    UUID gone = registerAndCompose("erased@example.kz", "ru");
    UUID staying = registerAndCompose("staying@example.kz", "ru");
    UUID alone = registerAndCompose("alone@example.kz", "kk");
    removal.eraseRegistrations(List.of(gone, alone), RemovalReason.ERASURE);
    assertThat(files()).as("the Russian file is still sent to another delegate").isEqualTo(1);
    assertThat(calendarOf(mailOf(staying))).contains("BEGIN:VCALENDAR");
    removal.anonymiseProgramme(programme.id(), RemovalReason.RETENTION);
    assertThat(files()).isZero();
  }

  @Test
  void anUndeliverableAddressIsHeldWhenItsBatchIsQueued() {
    UUID organisation =
        jdbc.sql("select organisation_id from programme where id = :p")
            .param("p", programme.id())
            .query(UUID.class)
            .single();
    undeliverable.mark(
        organisation,
        "held-batch@example.kz",
        Undeliverable.Reason.REFUSED,
        550,
        "5.1.1",
        Instant.now());
    UUID held = register("held-batch@example.kz", "ru");
    UUID fine = register("fine-batch@example.kz", "ru");
    composeEverything();
    assertThat(statusOf(mailOf(held))).isEqualTo("HELD");
    assertThat(statusOf(mailOf(fine))).isIn("PENDING", "SENT");
  }

  String statusOf(UUID mail) {
    return jdbc.sql("select status from mail_outbox where id = :m")
        .param("m", mail)
        .query(String.class)
        .single();
  }
}
