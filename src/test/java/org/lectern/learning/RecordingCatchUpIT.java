package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A missed session caught up: the organiser sets the recording and its quiz (bad input refused), a
 * delegate opens their personal link, fails, passes (two submits at once store one pass), and the
 * session counts in the completion rule, shown "by recording"; late answers and access only for
 * those who attended are refused; a link opened from two devices is listed (audited).
 */
class RecordingCatchUpIT extends IntegrationTest {

  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @Autowired LearningFixture fx;
  @Autowired Recordings recordings;
  @Autowired RecordingRepository repository;
  @Autowired ProgrammeAttendance attendance;

  @Test
  void aMissedSessionIsCreditedByPassingTheRecordingsQuiz() {
    LecternUser org = fx.organiser("recording");
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(2)));
    UUID session =
        jdbc.sql("select id from session where programme_id = :p")
            .param("p", p)
            .query(UUID.class)
            .single();
    UUID missed = fx.delegate(org, p, "Айгерим Сабақсыз", "KZ-10", "female");
    UUID other = fx.delegate(org, p, "Other Delegate", "KZ-75", "male");
    var admin = new Browserless(baseUrl(), "ru").signIn(org.email(), Fixtures.PASSWORD);
    String page = "/admin/sessions/" + session + "/recording";
    var form = admin.get(page);
    assertThat(form.statusCode()).isEqualTo(200);
    String csrf = Browserless.csrf(form);

    // Bad input: a script address, an end before the start, no access: 422, nothing stored.
    var bad =
        admin.post(
            page,
            csrf,
            List.of(
                Map.entry("url", "javascript:alert(1)"),
                Map.entry("from", local(Instant.now())),
                Map.entry("until", local(Instant.now().minus(Duration.ofDays(1))))));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("начинающийся с https")
        .contains("Конец должен быть позже начала.")
        .contains("Выберите, кто может смотреть.");
    assertThat(repository.find(session)).isEmpty();
    // A question before the recording exists is refused too.
    assertThat(
            admin
                .post(
                    page + "/questions",
                    csrf,
                    List.of(Map.entry("kind", "TRUE_FALSE"), Map.entry("correct", "1")))
                .statusCode())
        .isEqualTo(409);
    assertThat(
            admin
                .post(
                    page,
                    csrf,
                    List.of(
                        Map.entry("url", "https://video.example.org/rec/14"),
                        Map.entry("from", local(Instant.now().minus(Duration.ofDays(1)))),
                        Map.entry("until", local(Instant.now().plus(Duration.ofDays(10)))),
                        Map.entry("access", "REGISTERED")))
                .statusCode())
        .isEqualTo(302);
    // An empty question: every problem beside its field, nothing stored.
    var empty = admin.post(page + "/questions", csrf, List.of(Map.entry("kind", "TRUE_FALSE")));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(questions(session)).isZero();
    addTrueFalse(
        admin, page, csrf, "Право на справедливый суд абсолютно?", "Әділ сот құқығы?", "2");
    addTrueFalse(admin, page, csrf, "Статья 14 о суде?", "14-бап сот туралы ма?", "1");
    assertThat(questions(session)).isEqualTo(2);

    // The delegate's personal link, in Kazakh.
    String link = recordings.linkFor(missed, session).replaceFirst("^https?://[^/]+", "");
    var web = new Browserless(baseUrl(), "kk");
    var watch = web.get(link);
    assertThat(watch.statusCode()).isEqualTo(200);
    assertThat(watch.body())
        .contains("https://video.example.org/rec/14")
        .contains("Бұл жеке сілтеме")
        .contains("id=\"quiz-form\"");
    String dcsrf = Browserless.csrf(watch);
    var q = repository.questions(p, session);
    String first = "q." + q.get(0).id();
    String second = "q." + q.get(1).id();
    // Unanswered: 422, nothing stored.
    var unanswered = web.post(link, dcsrf, List.of(Map.entry(first, "2")));
    assertThat(unanswered.statusCode()).isEqualTo(422);
    assertThat(repository.attempt(session, missed)).isEmpty();
    // Wrong: stored as not passed; no credit.
    assertThat(
            web.post(link, dcsrf, List.of(Map.entry(first, "1"), Map.entry(second, "2")))
                .statusCode())
        .isEqualTo(302);
    assertThat(web.get(link).body()).contains("Дұрыс жауаптар: 2 ішінен 0.").contains("Өтпеді");
    assertThat(attendance.byRecording(p)).isEmpty();

    // Right, sent twice at once: one pass is stored, the other is told it was kept.
    var latch = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  latch.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return web.post(
                    link, dcsrf, List.of(Map.entry(first, "2"), Map.entry(second, "1")));
              }));
    }
    latch.countDown();
    assertThat(both.stream().map(f -> f.join().statusCode()).sorted().toList())
        .containsExactly(302, 409);
    assertThat(repository.attempt(session, missed).orElseThrow().passed()).isTrue();
    assertThat(web.get(link).body()).contains("жазба бойынша").doesNotContain("id=\"quiz-form\"");

    // The completion rule counts the session; the organiser sees it "by recording".
    var done =
        attendance.completionOf(p).stream()
            .filter(c -> c.registrationId().equals(missed))
            .findFirst()
            .orElseThrow();
    assertThat(done.completed()).isTrue();
    assertThat(done.sessionsAttended()).isEqualTo(1);
    assertThat(attendance.byRecording(p)).containsOnlyKeys(missed);
    assertThat(admin.get("/admin/programmes/" + p + "/attendance").body())
        .contains("Айгерим Сабақсыз")
        .contains("по записи: 1");
    // The report counts the session as caught up by recording, not as attended.
    assertThat(attendance.sessionFigures(p).orElseThrow())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.byRecording()).isEqualTo(1);
              assertThat(f.delegates()).isZero();
            });
    assertThat(admin.get("/admin/programmes/" + p + "/report").body())
        .contains("Наверстали по записи");

    // After the window: refused, nothing changes.
    jdbc.sql(
            "update learning_recording set available_until = now() - interval '1 minute'"
                + " where session_id = :s")
        .param("s", session)
        .update();
    String otherLink = recordings.linkFor(other, session).replaceFirst("^https?://[^/]+", "");
    var late = web.post(otherLink, dcsrf, List.of(Map.entry(first, "2"), Map.entry(second, "1")));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("Жазба енді қолжетімсіз.");
    assertThat(repository.attempt(session, other)).isEmpty();

    // Only for those who attended: the other delegate (no attendance) may not watch.
    jdbc.sql(
            "update learning_recording set access = 'ATTENDED',"
                + " available_until = now() + interval '1 day' where session_id = :s")
        .param("s", session)
        .update();
    assertThat(web.get(otherLink).body()).contains("тек сабаққа қатысқандарға");
    assertThat(web.get("/learning/r/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);

    // Two more devices at two more addresses (the test client above was the first): the link is
    // listed as opened from three, and the listing audited.
    repository.view(session, other, Instant.now(), "agent-a", "address-a");
    repository.view(session, other, Instant.now(), "agent-b", "address-b");
    assertThat(admin.get(page).body()).contains("Other Delegate: устройств — 3");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'learning.recordingLinksListed'"
                        + " and subject_id = :s")
                .param("s", session.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // The quiz is frozen once anyone has taken it.
    assertThat(
            admin
                .post(
                    page + "/questions",
                    csrf,
                    List.of(
                        Map.entry("kind", "TRUE_FALSE"),
                        Map.entry("body.ru", "Ещё?"),
                        Map.entry("body.kk", "Тағы?"),
                        Map.entry("correct", "1")))
                .statusCode())
        .isEqualTo(409);
  }

  private static void addTrueFalse(
      Browserless admin, String page, String csrf, String ru, String kk, String correct) {
    var res =
        admin.post(
            page + "/questions",
            csrf,
            List.of(
                Map.entry("kind", "TRUE_FALSE"),
                Map.entry("body.ru", ru),
                Map.entry("body.kk", kk),
                Map.entry("correct", correct)));
    assertThat(res.statusCode()).isEqualTo(302);
  }

  private static String local(Instant at) {
    return LocalDateTime.ofInstant(at, ALMATY).withSecond(0).withNano(0).toString();
  }

  private int questions(UUID session) {
    return jdbc.sql("select count(*) from learning_recording_question where session_id = :s")
        .param("s", session)
        .query(Integer.class)
        .single();
  }
}
