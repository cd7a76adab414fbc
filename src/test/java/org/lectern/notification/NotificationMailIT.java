package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration mails through the outbox to a real SMTP server (GreenMail). */
class NotificationMailIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static GreenMail smtp = MailFixtures.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.from", () -> "lectern@example.org");
    // The test drives the sender itself; the recurring job must not race it.
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired RegistrationMails mails;
  @Autowired OutboxSender sender;
  @Autowired TransactionTemplate transactions;

  MailFixtures.Programme programme;

  @BeforeAll
  void programme() {
    programme = MailFixtures.programme(jdbc);
  }

  @BeforeEach
  void emptyOutbox() throws Exception {
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from programme_privacy").update();
    senderName(null);
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  MailRecipient contact(String email, String name, String lang) {
    return new MailRecipient(UUID.randomUUID(), programme.id(), email, name, lang, "CONFIRMED");
  }

  boolean send(RegistrationMailKind kind, MailRecipient c, Integer position, String message) {
    return Boolean.TRUE.equals(transactions.execute(tx -> mails.send(kind, c, position, message)));
  }

  MimeMessage onlyMessage() {
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  @Test
  void confirmationArrivesInRussianWithAValidCalendar() throws Exception {
    send(
        RegistrationMailKind.CONFIRMED,
        contact("aigerim@example.kz", "Айгерим Сапарова", "ru"),
        null,
        null);
    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage m = onlyMessage();
    assertThat(m.getSubject()).isEqualTo("Регистрация подтверждена: " + MailFixtures.TITLE_RU);
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("aigerim@example.kz");
    String text = MailFixtures.part(m, "text/plain");
    assertThat(text)
        .contains(
            "Здравствуйте, Айгерим Сапарова!", "Ваша регистрация подтверждена", "Asia/Almaty");
    assertThat(MailFixtures.part(m, "text/html")).contains("lang=\"ru\"", "Статья 14");

    Calendar cal =
        new CalendarBuilder().build(new StringReader(MailFixtures.part(m, "text/calendar")));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent first =
        events.stream()
            .filter(e -> uid(e).equals(programme.first() + "@lectern"))
            .findFirst()
            .orElseThrow();
    assertThat(first.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("3");
    assertThat(first.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20310209T040000Z");
    assertThat(first.getProperty("SUMMARY").orElseThrow().getValue())
        .isEqualTo("Статья 14: справедливый суд");
  }

  void senderName(String name) {
    jdbc.sql(
            """
            update organisation set mail_sender_name = :name
            where id = (select organisation_id from programme where id = :p)
            """)
        .param("name", name)
        .param("p", programme.id())
        .update();
  }

  static jakarta.mail.internet.InternetAddress from(MimeMessage m) throws Exception {
    assertThat(m.getFrom()).hasSize(1);
    return (jakarta.mail.internet.InternetAddress) m.getFrom()[0];
  }

  @Test
  void mailGoesOutUnderTheOrganisationsSenderName() throws Exception {
    senderName("Палата адвокатов — обучение");
    send(RegistrationMailKind.CONFIRMED, contact("erlan@example.kz", "Ерлан", "ru"), null, null);
    sender.sendDue();

    var from = from(onlyMessage());
    assertThat(from.getPersonal()).isEqualTo("Палата адвокатов — обучение");
    assertThat(from.getAddress()).isEqualTo("lectern@example.org");
  }

  @Test
  void withoutASenderNameTheInstallationsSenderIsUsed() throws Exception {
    send(RegistrationMailKind.CONFIRMED, contact("saule@example.kz", "Сауле", "ru"), null, null);
    sender.sendDue();

    var from = from(onlyMessage());
    assertThat(from.getPersonal()).isNull();
    assertThat(from.getAddress()).isEqualTo("lectern@example.org");
  }

  @Test
  void neutralMailNeverCarriesTheOrganisationsSenderName() throws Exception {
    senderName("Human Rights Training Centre");
    jdbc.sql("insert into programme_privacy (programme_id, neutral_wording) values (:id, true)")
        .param("id", programme.id())
        .update();
    send(RegistrationMailKind.CONFIRMED, contact("asel@example.kz", "Asel", "en"), null, null);
    sender.sendDue();

    MimeMessage m = onlyMessage();
    assertThat(from(m).getPersonal()).isNull();
    assertThat(String.join(" ", m.getHeader("From"))).doesNotContain("Human Rights");
  }

  static String uid(VEvent e) {
    return e.getProperty("UID").orElseThrow().getValue();
  }

  @Test
  void waitlistMailArrivesInKazakhWithThePosition() throws Exception {
    send(
        RegistrationMailKind.WAITLISTED,
        contact("nurlan@example.kz", "Нұрлан Омаров", "kk"),
        4,
        null);
    sender.sendDue();

    MimeMessage m = onlyMessage();
    assertThat(m.getSubject()).isEqualTo("Күту тізімі: " + MailFixtures.TITLE_KK);
    String text = MailFixtures.part(m, "text/plain");
    assertThat(text).contains("Құрметті Нұрлан Омаров!", "Күту тізіміндегі орныңыз: 4");
    assertThat(MailFixtures.part(m, "text/calendar")).isNull();
  }

  @Test
  void neutralWordingNamesNoTopicInSubjectOrCalendar() throws Exception {
    jdbc.sql("insert into programme_privacy (programme_id, neutral_wording) values (:id, true)")
        .param("id", programme.id())
        .update();
    send(RegistrationMailKind.CONFIRMED, contact("dana@example.kz", "Dana", "en"), null, null);
    sender.sendDue();

    MimeMessage m = onlyMessage();
    assertThat(m.getSubject()).isEqualTo("Training session, 9 February 2031");
    String ics = MailFixtures.part(m, "text/calendar");
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events)
        .extracting(e -> e.getProperty("SUMMARY").orElseThrow().getValue())
        .containsOnly("Training session");
    for (String leak :
        List.of("Fair trial", "ICCPR", "Article 14", "Bar Committee", "fair-trial")) {
      assertThat(m.getSubject()).doesNotContain(leak);
      assertThat(ics).doesNotContain(leak);
      assertThat(MailFixtures.part(m, "text/plain")).doesNotContain(leak);
    }
    assertThat(m.getContent().toString()).doesNotContain("fair-trial");
  }

  @Test
  void enqueueingNeedsAndFollowsTheBusinessTransaction() {
    transactions.executeWithoutResult(
        tx -> {
          mails.send(
              RegistrationMailKind.CONFIRMED,
              contact("rollback@example.kz", "X", "en"),
              null,
              null);
          tx.setRollbackOnly(); // the registration failed after the mail was queued
        });
    assertThat(outboxRows()).isZero();
    assertThatThrownBy(
            () ->
                mails.send(
                    RegistrationMailKind.CONFIRMED,
                    contact("none@example.kz", "X", "en"),
                    null,
                    null))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aRetriedOperationQueuesItsMailOnce() {
    MailRecipient c = contact("twice@example.kz", "Twice", "en");
    assertThat(send(RegistrationMailKind.CONFIRMED, c, null, null)).isTrue();
    assertThat(send(RegistrationMailKind.CONFIRMED, c, null, null)).isFalse();
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void theOutboxSurvivesAnSmtpOutageAndSendsOnceItIsBack() {
    send(RegistrationMailKind.PROMOTED, contact("outage@example.kz", "Outage", "ru"), null, null);
    smtp.stop();
    try {
      assertThat(sender.sendDue()).isZero();
      var row =
          jdbc.sql("select status, attempts, last_error, next_attempt_at from mail_outbox")
              .query(
                  (rs, i) ->
                      List.of(
                          rs.getString(1),
                          rs.getInt(2),
                          rs.getString(3),
                          rs.getTimestamp(4).toInstant()))
              .single();
      assertThat(row.get(0)).isEqualTo("PENDING");
      assertThat(row.get(1)).isEqualTo(1);
      assertThat((String) row.get(2)).isNotBlank().doesNotContain("outage@example.kz");
      assertThat((Instant) row.get(3)).isAfter(Instant.now());
      assertThat(sender.sendDue()).as("not due before the back-off").isZero();
    } finally {
      smtp = MailFixtures.smtp(SMTP_PORT);
    }
    // The back-off has passed (the due list holds the time the claim looks at, V202612130200).
    jdbc.sql("update mail_outbox set next_attempt_at = now()").update();
    jdbc.sql("update mail_outbox_due set next_attempt_at = now()").update();
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();
    assertThat(onlyMessage()).isNotNull();
    assertThat(jdbc.sql("select status from mail_outbox").query(String.class).single())
        .isEqualTo("SENT");
  }

  @Test
  void theDatabaseHoldsNoAddressNameOrTitleInPlainText() {
    String email = "secret.lawyer@example.kz";
    String name = "Жанна Тайная";
    send(RegistrationMailKind.CONFIRMED, contact(email, name, "ru"), null, null);
    for (String table : List.of("mail_outbox", "mail_shared_attachment", "delegate_address")) {
      List<String> rows =
          jdbc.sql("select t::text from " + table + " t").query(String.class).list();
      assertThat(rows).isNotEmpty();
      for (String needle : List.of(email, name, MailFixtures.TITLE_RU, "Статья 14")) {
        String hex = HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContain(needle).doesNotContain(hex));
      }
    }
  }

  long outboxRows() {
    return jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
  }
}
