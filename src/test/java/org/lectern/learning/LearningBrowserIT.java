package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone: a delegate takes the pre-test in Kazakh without JavaScript, and gives feedback; the
 * same pages in Russian with scripts, and the organiser's bank and results pages, have no axe-core
 * violations.
 */
class LearningBrowserIT extends BrowserTest {

  @Autowired LearningFixture fx;

  @Test
  void aDelegateTakesTheTestAndGivesFeedbackOnAPhone() {
    LecternUser org = fx.organiser("browser");
    UUID soon = fx.programme(org, Instant.now().plus(Duration.ofDays(3)));
    fx.threeQuestions(org, soon);
    UUID past = fx.programme(org, Instant.now().minus(Duration.ofDays(1)));
    fx.threeQuestions(org, past);
    UUID a = fx.delegate(org, soon, "Айгерім Бекова", "KZ-10", "female");
    UUID b = fx.delegate(org, soon, "Борис Ким", "KZ-75", "male");
    UUID c = fx.delegate(org, past, "Гульнар Ахметова", "KZ-71", "female");

    try (BrowserContext noScript = phone("Asia/Almaty", false)) {
      Page page = noScript.newPage();
      page.setDefaultTimeout(20_000);
      page.navigate("/learning/" + a + "/" + fx.token(a) + "/pre?lang=kk");
      assertThat(page.locator("h1").textContent()).isEqualTo("Оқуға дейінгі білім тесті");
      page.locator("#test-form button[type=submit]").click();
      assertThat(page.locator("#error-summary").textContent())
          .contains("Бұл сұраққа жауап таңдаңыз.");
      for (var radio : page.locator("#test-form fieldset").all()) {
        radio.locator("input[type=radio]").first().check();
      }
      page.locator("#test-form button[type=submit]").click();
      assertThat(page.locator("#result").textContent()).contains("Сіздің нәтижеңіз");

      page.navigate("/learning/" + c + "/" + fx.token(c) + "/feedback?lang=kk");
      page.check("#satisfaction-5");
      page.check("#relevance-4");
      page.fill("#comment", "Пайдалы болды");
      page.locator("#survey-form button[type=submit]").click();
      assertThat(page.locator("#thanks").textContent()).contains("Рақмет");
    }

    try (BrowserContext scripts = phone("Europe/Moscow", true)) {
      Page page = scripts.newPage();
      page.setDefaultTimeout(20_000);
      page.navigate("/learning/" + b + "/" + fx.token(b) + "/pre?lang=ru");
      assertAccessible(page);
      page.locator("#test-form button[type=submit]").click();
      assertAccessible(page); // with the errors shown
      page.navigate("/learning/" + a + "/" + fx.token(a) + "/pre?lang=ru");
      assertThat(page.locator("#result")).isNotNull();
      assertAccessible(page);
      page.navigate("/learning/" + c + "/" + fx.token(c) + "/post?lang=ru");
      assertAccessible(page);
      page.navigate("/learning/" + c + "/" + fx.token(c) + "/feedback?lang=ru");
      assertAccessible(page);

      signIn(page, org.email(), "ru");
      page.navigate("/admin/programmes/" + soon + "/learning");
      assertThat(page.locator("h1").textContent()).isEqualTo("Тест знаний");
      assertAccessible(page);
      page.navigate("/admin/programmes/" + soon + "/learning/results");
      assertThat(page.locator("#delegates").textContent()).contains("Айгерім Бекова");
      assertAccessible(page);
    }
  }
}
