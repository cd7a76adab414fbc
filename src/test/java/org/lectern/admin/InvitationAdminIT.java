package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invitation lists end to end: upload, e-mail with a personal link, opened, registered. */
@org.springframework.test.annotation.DirtiesContext
@org.springframework.test.context.TestPropertySource(properties = "lectern.test.jobs=true")
class InvitationAdminIT extends BackOfficeFixture {

  static final int SMTP_PORT = freePort();
  static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
  static final Pattern LINK =
      Pattern.compile("(/programmes/[a-z0-9-]+/register\\?invitation=[A-Za-z0-9_-]+)");

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1s");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.lectern.shared.crypto.PersonalDataCipher cipher;

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void invitedPeopleGetAPersonalLinkAndTheOrganiserSeesWhoOpenedAndRegistered() throws Exception {
    var p = draftProgramme("invited");
    programmes.publish(aigerim, p.id());
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
            values (gen_random_uuid(), :p, '{"ru":"Занятие"}'::jsonb, now() + interval '30 days',
                    now() + interval '30 days 2 hours', 'ONLINE', 'PUBLISHED')
            """)
        .param("p", p.id())
        .update();
    String csv =
        "ФИО;Почта;Язык\r\nДаулет Серикович;daulet@example.kz;kk\r\nИрина Ким;irina@example.kz;\r\n";
    var office = signedIn(AIGERIM);
    var answer =
        office.postMultipart(
            "/admin/programmes/" + p.id() + "/invitations",
            new WebSession.Form(),
            "file",
            "invitees.csv",
            csv.getBytes(Charset.forName("windows-1251")));
    assertThat(answer.statusCode()).isBetween(302, 303);
    assertThat(count("registration_invitation")).isEqualTo(2);

    // The durable mail job runs on its own schedule (kept in scheduled_tasks); make it due now.
    jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'mail-outbox'")
        .update();
    assertThat(smtp.waitForIncomingEmail(60_000, 2))
        .as(
            "two invitations delivered; outbox %s; tasks %s",
            jdbc.sql(
                    "select status || ':' || attempts || ':' || coalesce(last_error, '') from mail_outbox")
                .query(String.class)
                .list(),
            jdbc.sql(
                    "select task_name || '@' || execution_time || ' picked=' || picked from scheduled_tasks")
                .query(String.class)
                .list())
        .isTrue();
    MimeMessage toDaulet = to("daulet@example.kz");
    assertThat(toDaulet.getSubject()).contains("Шақыру");
    Matcher link = LINK.matcher(text(toDaulet));
    assertThat(link.find()).isTrue();
    assertThat(to("irina@example.kz").getSubject()).contains("Приглашение");

    var visitor = anonymous();
    assertThat(visitor.get(link.group(1)).statusCode()).isEqualTo(200);
    var listed = office.get("/admin/programmes/" + p.id() + "/invitations").body();
    assertThat(listed).contains("Даулет Серикович").contains("Ирина Ким");
    assertThat(
            jdbc.sql("select count(*) from registration_invitation where opened_at is not null")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
    var form = visitor.get("/programmes/" + p.slug() + "/register?invitation=" + token);
    var registered =
        visitor.post(
            "/programmes/" + p.slug() + "/register",
            WebSession.csrfOf(form),
            new WebSession.Form()
                .add("fullName", "Даулет Серикович")
                .add("email", "daulet@example.kz")
                .add("invitation", token)
                .add("language", "kk"));
    assertThat(registered.statusCode()).isEqualTo(303);
    // The invitation counts once the address's holder confirms from the mail (double opt-in).
    assertThat(
            jdbc.sql("select count(*) from registration_invitation where registered_at is not null")
                .query(Integer.class)
                .single())
        .isZero();
    new org.lectern.support.OptInMailbox(jdbc, cipher, baseUrl()).confirm("daulet@example.kz");
    assertThat(
            jdbc.sql("select count(*) from registration_invitation where registered_at is not null")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'registration.invitationsListed'")
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void aBadListIsRefusedWithTheLineInTheOrganisersLanguageAndNobodyIsInvited() {
    var p = draftProgramme("badlist");
    int before = count("registration_invitation");
    int mails = count("mail_outbox where kind = 'registration.invited'");
    String csv = "name,email\nGood,good@example.kz\nBad,not-an-email\n";
    var answer =
        signedIn(AIGERIM)
            .language("ru")
            .postMultipart(
                "/admin/programmes/" + p.id() + "/invitations",
                new WebSession.Form(),
                "file",
                "list.csv",
                csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body())
        .contains("Строка 3")
        .contains("not-an-email")
        .contains("aria-invalid=\"true\"");
    assertThat(count("registration_invitation")).isEqualTo(before);
    assertThat(count("mail_outbox where kind = 'registration.invited'")).isEqualTo(mails);
  }

  @Test
  void anotherOrganisationCannotInvite() {
    var p = draftProgramme("notyours");
    int before = count("registration_invitation");
    var answer =
        signedIn(BOLAT)
            .postMultipart(
                "/admin/programmes/" + p.id() + "/invitations",
                new WebSession.Form(),
                "file",
                "list.csv",
                "name,email\nX,x@example.kz\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isIn(403, 404);
    assertThat(count("registration_invitation")).isEqualTo(before);
  }

  static MimeMessage to(String address) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().contains(address);
              } catch (Exception e) {
                return false;
              }
            })
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no mail to " + address));
  }

  /** The decoded plain-text part (quoted-printable may break long links in the raw body). */
  static String text(jakarta.mail.Part p) throws Exception {
    if (p.isMimeType("text/plain")) {
      return (String) p.getContent();
    }
    if (p.getContent() instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        String t = text(mp.getBodyPart(i));
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
