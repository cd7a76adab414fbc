package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lectern.identity.UserService;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organiser writes and publishes a reflection on a phone, in Kazakh, with and without
 * JavaScript; a reader finds it in the news. axe-core finds nothing on the pages (pass with
 * scripts).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostsBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;

  @Test
  void anOrganiserPublishesAReflectionOnAPhoneInKazakh() {
    var organiser = fixtures.organiser("posts-phone");
    UUID org = fixtures.organisationOf(organiser);
    for (boolean js : new boolean[] {true, false}) {
      String slug = "oi-tolgau-" + (js ? "js" : "nojs");
      try (var context = phone("Asia/Almaty", js)) {
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate("/login?lang=kk");
        page.fill("#email", organiser.email());
        page.fill("#password", Fixtures.PASSWORD);
        page.locator("main form button[type=submit]").first().click();
        page.waitForURL("**/admin");

        page.navigate("/admin/organisations/" + org + "/posts");
        assertThat(page.locator("h1").textContent()).isEqualTo("Жарияланымдар");
        if (js) {
          assertAccessible(page);
        }
        page.locator("a.button[href$='/posts/new']").click();
        // Nothing filled in: the error stands next to the first title, in Kazakh.
        page.locator("main form.stack button[type=submit]").first().click();
        assertThat(page.locator("#title_en-error").textContent())
            .isEqualTo("Жарияланымға кемінде бір тілде тақырып беріңіз.");
        if (js) {
          assertAccessible(page);
        }
        page.fill("#title_kk", "Цикл туралы ой-толғау");
        page.fill("#body_kk", "Қатысу **кеңейді**.");
        page.fill("#slug", slug);
        page.locator("main form.stack button[type=submit]").first().click();
        page.waitForURL("**/admin/posts/*");
        assertThat(page.locator("p.alert.ok").textContent()).isEqualTo("Жарияланым сақталды.");
        if (js) {
          assertAccessible(page);
        }
        page.locator("form[action$='/publish'] button").click();
        assertThat(page.locator("p.alert.ok").textContent()).isEqualTo("Жарияланым жарияланды.");

        page.navigate("/news");
        page.locator("a[href='/news/" + slug + "']").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Цикл туралы ой-толғау");
        assertThat(page.locator(".post-body strong").textContent()).isEqualTo("кеңейді");
        if (js) {
          assertAccessible(page);
        }
      }
    }
  }
}
