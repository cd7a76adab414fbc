package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.registration.RegistrationAdminService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An organiser declines a pending registration with a message: the delegate's e-mail, in their
 * language, carries the message, which the mail module reads from the encrypted registration — the
 * event that triggers the mail holds only ids, since the event registry stores events in clear.
 */
class DeclineMailIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static GreenMail smtp = MailFixtures.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.from", () -> "lectern@example.org");
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired Fixtures fixtures;
  @Autowired RegistrationService registrations;
  @Autowired RegistrationAdminService office;
  @Autowired OutboxSender sender;

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void theDeclineMailCarriesTheOrganisersMessageWhichNoEventStoresInClear() throws Exception {
    var organiser = fixtures.organiser("decline");
    var programme = MailFixtures.programme(jdbc);
    jdbc.sql("update programme set approval_required = true, organisation_id = :o where id = :p")
        .param("o", fixtures.organisationOf(organiser))
        .param("p", programme.id())
        .update();
    String email = "declined." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    var pending =
        registrations.register(
            programme.id(), RegistrationRequest.minimal("Сауле Ахметова", email, "ru"), null);
    assertThat(pending.registration().status()).isEqualTo(RegistrationStatus.PENDING);
    String why = "Все места заняты юристами из Алматы; ждём вас весной";

    office.decline(organiser, pending.registration().id(), why);

    MimeMessage declined = awaitMail(email, "Регистрация не принята").orElseThrow();
    assertThat(MailFixtures.part(declined, "text/plain")).contains(why, "Сауле Ахметова");
    assertThat(
            jdbc.sql("select count(*) from event_publication where serialized_event like :w")
                .param("w", "%" + why.substring(0, 20) + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  /** Sends what is due until a message to the address with the subject arrives (≤ 30 s). */
  private Optional<MimeMessage> awaitMail(String to, String subjectStart) {
    return await("a mail to " + to + ": " + subjectStart)
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> {
              sender.sendDue();
              return Arrays.stream(smtp.getReceivedMessages())
                  .filter(m -> MailFixtures.recipientIs(m, to))
                  .filter(
                      m -> {
                        try {
                          return m.getSubject().startsWith(subjectStart);
                        } catch (jakarta.mail.MessagingException e) {
                          return false;
                        }
                      })
                  .findFirst();
            },
            Optional::isPresent);
  }
}
