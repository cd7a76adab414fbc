package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeRole;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The knowledge test end to end: the organiser's bank refuses bad questions, the delegate answers
 * from the personal link without scripts, once (also when two submits race), not after the window,
 * and the results page shows the scores and is audited.
 */
class KnowledgeTestIT extends IntegrationTest {

  @Autowired LearningFixture fx;
  @Autowired QuestionBankRepository bankRows;

  private final Instant future = Instant.now().plus(Duration.ofDays(10));

  @Test
  void badQuestionsAreRefusedAndChangeNothing() {
    LecternUser org = fx.organiser("bank");
    UUID p = fx.programme(org, future);
    assertThatThrownBy(() -> fx.bank.open(org, p, true))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("learning.bankEmpty");
    assertThatThrownBy(
            () ->
                fx.bank.add(
                    org,
                    p,
                    Map.of(
                        "kind", "SINGLE",
                        "body.ru", "<script>alert(1)</script>",
                        "body.kk", "",
                        "options.ru", "a\nb\nc",
                        "options.kk", "a\nb",
                        "correct", "7")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("body.ru:learning.question.markup")
        .hasMessageContaining("body.kk:learning.question.bodyRequired")
        .hasMessageContaining("options.kk:learning.question.optionsMismatch");
    assertThatThrownBy(
            () -> fx.bank.add(org, p, LearningFixture.trueFalse("x".repeat(2001), "Иә", "1")))
        .hasMessageContaining("body.ru:learning.question.tooLong");
    assertThatThrownBy(
            () -> fx.bank.add(org, p, Map.of("kind", "SINGLE; drop table", "correct", "1")))
        .hasMessageContaining("kind:learning.question.kind");
    assertThat(bankRows.count(p)).isZero();
  }

  @Test
  void aDelegateAnswersOnceFromThePersonalLinkAndSeesExplanations() {
    LecternUser org = fx.organiser("take");
    UUID p = fx.programme(org, future);
    fx.threeQuestions(org, p);
    UUID r = fx.delegate(org, p, "Айгуль Сериккызы", "KZ-10", "female");
    String link = "/learning/" + r + "/" + fx.token(r) + "/pre";
    var web = new Browserless(baseUrl(), "kk");
    var page = web.get(link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Оқуға дейінгі білім тесті").contains("type=\"radio\"");
    // Nothing chosen: errors next to each question, nothing stored.
    var empty = web.post(link, Browserless.csrf(page), List.of());
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("Бұл сұраққа жауап таңдаңыз.").contains("aria-describedby");
    assertThat(attempts(p)).isZero();

    var sent = web.post(link, Browserless.csrf(page), answers(p, 1, 1, 3));
    assertThat(sent.statusCode()).isEqualTo(302);
    var result = web.get(link);
    assertThat(result.body())
        .contains("Сіз 3 сұрақтың 2 сұрағына дұрыс жауап бердіңіз (67 %).")
        .contains("Статья 19 МПГПП.");
    var again = web.post(link, Browserless.csrf(page), answers(p, 1, 2, 3));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Сіз бұл тестке жауап беріп қойдыңыз");
    assertThat(attempts(p)).isEqualTo(1);
    assertThat(
            jdbc.sql("select score from learning_attempt where programme_id = :p")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void twoSubmitsRacingStoreOneAttempt() throws Exception {
    LecternUser org = fx.organiser("race");
    UUID p = fx.programme(org, future);
    fx.threeQuestions(org, p);
    UUID r = fx.delegate(org, p, "Daniyar Race", "KZ-75", "male");
    String link = "/learning/" + r + "/" + fx.token(r) + "/pre";
    var web = new Browserless(baseUrl(), "ru");
    String csrf = Browserless.csrf(web.get(link));
    var go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return web.post(link, csrf, answers(p, 1, 2, 3)).statusCode();
              }));
    }
    go.countDown();
    List<Integer> statuses = runs.stream().map(CompletableFuture::join).toList();
    assertThat(statuses).containsOnly(302, 409).contains(302);
    assertThat(statuses.stream().filter(s -> s == 302).count()).isEqualTo(1);
    assertThat(attempts(p)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from learning_answer a join learning_attempt t"
                        + " on t.id = a.attempt_id where t.programme_id = :p")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void answersAfterTheWindowAreRefusedWithAClearMessage() {
    LecternUser org = fx.organiser("late");
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(2)));
    fx.threeQuestions(org, p);
    UUID r = fx.delegate(org, p, "Late Delegate", "KZ-71", "other");
    var web = new Browserless(baseUrl(), "ru");
    String pre = "/learning/" + r + "/" + fx.token(r) + "/pre";
    String post = "/learning/" + r + "/" + fx.token(r) + "/post";
    var open = web.get(post);
    assertThat(open.body()).contains("type=\"radio\"");
    var page = web.get(pre);
    assertThat(page.body())
        .contains("Тест до обучения закрылся с началом первого занятия")
        .doesNotContain("type=\"radio\"");
    var late = web.post(pre, Browserless.csrf(open), answers(p, 1, 2, 3));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("Ответы больше не принимаются.");
    assertThat(attempts(p)).isZero();
    // The post-test is open for 30 days after the last session.
    assertThat(web.post(post, Browserless.csrf(open), answers(p, 1, 2, 3)).statusCode())
        .isEqualTo(302);
    assertThat(attempts(p)).isEqualTo(1);
  }

  @Test
  void aWrongTokenIsNotFound() {
    LecternUser org = fx.organiser("token");
    UUID p = fx.programme(org, future);
    fx.threeQuestions(org, p);
    UUID r = fx.delegate(org, p, "Token Delegate", "KZ-71", "male");
    var web = new Browserless(baseUrl(), "en");
    assertThat(web.get("/learning/" + r + "/" + "0".repeat(64) + "/pre").statusCode())
        .isEqualTo(404);
    assertThat(web.get("/learning/" + r + "/" + fx.token(r) + "/mid").statusCode()).isEqualTo(404);
    assertThat(web.get("/learning/not-a-uuid/x/pre").statusCode()).isEqualTo(404);
  }

  @Test
  void resultsShowScoresToOrganisersAndSpeakersAndAreAudited() {
    LecternUser org = fx.organiser("results");
    UUID p = fx.programme(org, future);
    fx.threeQuestions(org, p);
    UUID a = fx.delegate(org, p, "Алия Нурланова", "KZ-10", "female");
    UUID b = fx.delegate(org, p, "Бекзат Омаров", "KZ-75", "male");
    take(p, a, "pre", 1, 2, 1); // 2 of 3
    take(p, b, "pre", 2, 1, 1); // 0 of 3
    var speaker = fx.member(org, p, ProgrammeRole.SPEAKER);
    var funder = fx.member(org, p, ProgrammeRole.FUNDER);
    var web = new Browserless(baseUrl(), "ru").signIn(org.email(), Fixtures.PASSWORD);
    var page = web.get("/admin/programmes/" + p + "/learning/results");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Алия Нурланова")
        .contains("67 %")
        .contains("<dd id=\"pre-tested\">2</dd>")
        .contains("<dd id=\"paired\">0</dd>");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'learning.resultsListed'"
                        + " and subject_id = :p")
                .param("p", p.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            new Browserless(baseUrl(), "ru")
                .signIn(speaker.email(), Fixtures.PASSWORD)
                .get("/admin/programmes/" + p + "/learning/results")
                .statusCode())
        .isEqualTo(200);
    var f = new Browserless(baseUrl(), "ru").signIn(funder.email(), Fixtures.PASSWORD);
    assertThat(f.get("/admin/programmes/" + p + "/learning/results").statusCode()).isEqualTo(403);
    assertThat(f.get("/admin/programmes/" + p + "/learning").statusCode()).isEqualTo(403);
    // The bank is frozen once answered.
    var bank = web.get("/admin/programmes/" + p + "/learning");
    assertThat(bank.body()).contains("Участники уже ответили").doesNotContain("question-form");
  }

  private void take(UUID p, UUID r, String kind, int... chosen) {
    var web = new Browserless(baseUrl(), "ru");
    String link = "/learning/" + r + "/" + fx.token(r) + "/" + kind;
    assertThat(web.post(link, Browserless.csrf(web.get(link)), answers(p, chosen)).statusCode())
        .isEqualTo(302);
  }

  /** Answers in bank order (the page shows them shuffled; the fields name the questions). */
  private List<Map.Entry<String, String>> answers(UUID p, int... chosen) {
    var qs = bankRows.questions(p);
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      out.add(Map.entry("q." + qs.get(i).id(), String.valueOf(chosen[i])));
    }
    return out;
  }

  private int attempts(UUID p) {
    return jdbc.sql("select count(*) from learning_attempt where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }
}
