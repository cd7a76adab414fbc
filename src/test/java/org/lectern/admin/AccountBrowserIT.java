package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lectern.audit.AuditLog;
import org.lectern.identity.UserService;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account pages in a real browser on a phone-sized screen, in Russian: your account (password
 * and tokens), the accounts list, the audit log and "forgot your password" — used with and without
 * JavaScript, axe-core finding nothing on each page (checked once: the pages are rendered by the
 * server, the script changes nothing axe looks at).
 *
 * <p>Bounded: every browser action gives up after 20 s, and the whole test after 4 minutes (axe
 * runs inside the page without a timeout of its own; on a loaded machine a stuck run once kept the
 * build waiting for ever).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AccountBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired AuditLog audit;

  @Test
  void anAdministratorUsesTheAccountPagesOnAPhoneInRussian() {
    var admin = fixtures.organiser("phone");
    UUID org = fixtures.organisationOf(admin);
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    var member = fixtures.organiser("phonemember");
    users.grantOrganisationRole(org, member.id(), "ORGANISER");
    audit.record(
        new AuditLog.Record(
            admin.id(), admin.fullName(), "registration.exported", org, null, null, 7, null));

    for (boolean js : new boolean[] {true, false}) {
      try (var context = phone("Asia/Almaty", js)) {
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate("/login?lang=ru");
        page.fill("#email", admin.email());
        page.fill("#password", Fixtures.PASSWORD);
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/admin");

        page.navigate("/admin/account");
        assertThat(page.locator("h1").textContent()).isEqualTo("Ваша учётная запись");
        checkAccessible(page, js);
        page.fill("#currentPassword", "not-the-password");
        page.fill("#newPassword", "password1234");
        page.locator("form[action='/admin/account/password'] button").click();
        assertThat(page.locator("#currentPassword-error").textContent())
            .isEqualTo("Текущий пароль указан неверно.");
        checkAccessible(page, js);

        page.fill("#fullName", "   ");
        page.locator("form[action='/admin/account/name'] button").click();
        assertThat(page.locator("#fullName-error").textContent()).isEqualTo("Обязательное поле.");
        checkAccessible(page, js);
        page.fill("#fullName", "Анна Телефонова " + js);
        page.locator("form[action='/admin/account/name'] button").click();
        assertThat(page.locator("p.alert.ok").textContent()).isEqualTo("Ваше имя изменено.");
        assertThat(page.locator("#fullName").inputValue()).isEqualTo("Анна Телефонова " + js);
        checkAccessible(page, js);

        page.fill("#name", "Телефон " + js);
        page.locator("form[action='/admin/account/tokens'] button").click();
        assertThat(page.locator("#new-token").inputValue()).startsWith("lct_");
        checkAccessible(page, js);

        page.navigate("/admin/accounts");
        assertThat(page.content()).contains(member.email());
        checkAccessible(page, js);

        page.navigate("/admin/audit");
        assertThat(page.locator("td[data-code='registration.exported']").first().textContent())
            .isEqualTo("Регистрации выгружены");
        checkAccessible(page, js);
        page.selectOption("#action", "registration.exported");
        page.locator("main form[action='/admin/audit'] button[type=submit]").click();
        assertThat(page.url()).contains("action=registration.exported");
        checkAccessible(page, js);
      }
    }

    // Without JavaScript first (axe-core needs scripts, so it runs on the pass with them).
    for (boolean js : new boolean[] {false, true}) {
      try (var context = phone("Asia/Almaty", js)) {
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate("/login?lang=kk");
        page.locator("a[href='/login/forgot']").click();
        checkAccessible(page, js);
        page.fill("#email", "nobody-" + UUID.randomUUID() + "@example.org");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#reset-sent").isVisible()).isTrue();
        checkAccessible(page, js);
        page.navigate("/password-reset/not-a-real-link");
        assertThat(page.locator("#reset-invalid").isVisible()).isTrue();
        checkAccessible(page, js);
      }
    }
  }

  /** axe-core on the pass with JavaScript (the pages are the same without it). */
  private static void checkAccessible(Page page, boolean javascript) {
    if (javascript) {
      assertAccessible(page);
    }
  }
}
