package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.certificate.CertificateService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's home: the next session with its links, what needs attention with counts and links,
 * and one menu on every page of the programme marking where one is.
 */
class ProgrammeOverviewIT extends BackOfficeFixture {

  @Autowired SessionService sessions;
  @Autowired RegistrationService registrations;
  @Autowired CertificateService certificates;

  @Test
  void theOverviewCountsWhatNeedsAttentionAndLinksToIt() {
    Programme p = programme("overview-counts", 1, false);
    var now = Instant.now();
    var past = session(p, "Прошедшая", now.minus(Duration.ofDays(3)), "ONLINE");
    var next = session(p, "Следующая", now.plus(Duration.ofDays(2)), "HYBRID");
    var confirmed =
        registrations
            .register(
                p.id(), RegistrationRequest.minimal("Dana Omarova", "dana@x.kz", "ru"), aigerim)
            .registration();
    for (String who : List.of("a", "b")) {
      registrations.register(
          p.id(), RegistrationRequest.minimal("Wait " + who, who + "@x.kz", "ru"), aigerim);
    }
    certificates.override(aigerim, p.id(), confirmed.id(), "Присутствовала лично");
    jdbc.sql(
            """
            with failed as (
              insert into mail_outbox (id, kind, related_id, recipient, subject, body_text, language,
                status, attempts, next_attempt_at, created_at, dedupe_key, programme_id)
              values (:id, 'registration.confirmed', :r, '\\x00', '\\x00', '\\x00', 'ru', 'FAILED', 5,
                now(), now(), :k, :p)
              returning id, programme_id)
            -- As the statement that fails a mail for good does: listed among the problems too.
            insert into mail_outbox_problem (id, status, programme_id)
            select id, 'FAILED', programme_id from failed
            """)
        .param("id", UUID.randomUUID())
        .param("p", p.id())
        .param("r", confirmed.id())
        .param("k", "test-" + UUID.randomUUID())
        .update();
    Programme approval = programme("overview-approval", null, true);
    registrations.register(
        approval.id(), RegistrationRequest.minimal("Pending One", "p@x.kz", "ru"), aigerim);

    WebSession web = signedIn(AIGERIM).language("ru");
    String home = web.get("/admin/programmes/" + p.id()).body();
    // The moderator console is a page of the programme too: its organiser gets the same menu.
    assertThat(web.get("/sessions/" + next + "/live/moderate").body())
        .contains("class=\"prognav\"")
        .contains("href=\"/admin/programmes/" + p.id() + "/live\" aria-current=\"page\"");
    assertThat(home)
        .contains("Следующая")
        .contains("/sessions/" + next + "/live/moderate")
        .contains("/admin/sessions/" + next + "/check-in")
        .contains("Asia/Almaty")
        .contains("В листе ожидания: 2")
        .contains("/admin/programmes/" + p.id() + "/registrations?status=WAITLISTED")
        .contains("Писем не дошло или задержано: 1")
        .contains("/admin/programmes/" + p.id() + "/delivery")
        .doesNotContain("href=\"/admin/outbox\"")
        .contains("Прошедших занятий без данных о посещаемости: 1")
        .contains("/admin/sessions/" + past + "/attendance")
        .contains("Сертификатов к выдаче: 1")
        .doesNotContain("Заявок ждут одобрения");
    assertThat(web.get("/admin/programmes/" + approval.id()).body())
        .contains("Заявок ждут одобрения: 1")
        .contains("registrations?status=PENDING")
        .contains("Предстоящих занятий нет.");

    // A browser in another zone sees the time in its own zone and the programme's named.
    String elsewhere =
        web.get("/preferences/zone?tz=Europe/Berlin&back=/admin/programmes/" + p.id()).statusCode()
                == 302
            ? web.get("/admin/programmes/" + p.id()).body()
            : "";
    assertThat(elsewhere).contains("Europe/Berlin").contains("Время программы:");
  }

  @Test
  void everyPageOfTheProgrammeCarriesTheSameMenuMarkingTheCurrentPage() {
    Programme p = programme("overview-menu", null, false);
    WebSession web = signedIn(AIGERIM).language("ru");
    String base = "/admin/programmes/" + p.id();
    Map<String, String> current =
        Map.of(
            "", "Обзор",
            "/sessions", "Занятия",
            "/registrations", "Регистрации",
            "/invitations", "Приглашения",
            "/attendance", "Посещаемость",
            "/live", "Онлайн-зал",
            "/certificates", "Сертификаты",
            "/report", "Отчёт",
            "/members", "Участники команды",
            "/settings", "Настройки");
    for (var e : current.entrySet()) {
      var res = web.get(base + e.getKey());
      assertThat(res.statusCode()).as(e.getKey()).isEqualTo(200);
      String body = res.body();
      assertThat(body).as(e.getKey()).contains("class=\"prognav\"");
      for (String path : current.keySet()) {
        assertThat(body).as(e.getKey() + " links " + path).contains("href=\"" + base + path + "\"");
      }
      assertThat(body)
          .as(e.getKey())
          .contains(
              "href=\"" + base + e.getKey() + "\" aria-current=\"page\">" + e.getValue() + "<");
      assertThat(body.split("aria-current=\"page\"", -1)).as(e.getKey()).hasSize(2);
    }
    // The settings form moved to its own page; saving comes back there.
    assertThat(web.get(base + "/settings").body()).contains("name=\"version\"");
    assertThat(web.get(base).body()).doesNotContain("name=\"version\"");
  }

  @Test
  void draftSessionsAreNamedOnTheOverviewUntilPublished() {
    Programme p = programme("overview-drafts", null, false);
    var draft = session(p, "Черновая", Instant.now().plus(Duration.ofDays(4)), "ONLINE", false);
    WebSession web = signedIn(AIGERIM).language("ru");
    assertThat(web.get("/admin/programmes/" + p.id()).body())
        .contains("Занятий в черновике, их не видят посетители: 1")
        .contains("href=\"/admin/programmes/" + p.id() + "/sessions\"");
    sessions.publish(aigerim, draft);
    assertThat(web.get("/admin/programmes/" + p.id()).body()).doesNotContain("Занятий в черновике");
  }

  private Programme programme(String slug, Integer capacity, boolean approval) {
    return programmes.create(
        aigerim,
        bar,
        ProgrammeInput.validate(
            new ProgrammeInput.Raw(
                slug,
                new LocalizedText(Map.of("ru", "Программа " + slug)),
                LocalizedText.empty(),
                List.of("ru", "kk"),
                "Asia/Almaty",
                null,
                capacity,
                true,
                approval)));
  }

  private UUID session(Programme p, String title, Instant start, String mode) {
    return session(p, title, start, mode, true);
  }

  private UUID session(Programme p, String title, Instant start, String mode, boolean publish) {
    return sessions
        .create(
            aigerim,
            p.id(),
            new SessionInput.Raw(
                LocalizedText.of("ru", title),
                LocalizedText.empty(),
                start,
                start.plus(Duration.ofHours(2)),
                mode,
                "ONLINE".equals(mode) ? LocalizedText.empty() : LocalizedText.of("ru", "Алматы"),
                "ONLINE".equals(mode) ? null : 30,
                "ru",
                List.of(),
                List.of(),
                "URL",
                "https://meet.example.org/x"),
            List.of(),
            publish)
        .id();
  }
}
