package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.audit.AuditLog;
import org.lectern.identity.UserService;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account pages in a real browser on a phone-sized screen, in Russian: your account (password
 * and tokens), the accounts list, the audit log and "forgot your password" — each with axe-core
 * finding nothing, with and without JavaScript.
 */
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
        Page page = context.newPage();
        page.navigate("/login?lang=ru");
        page.fill("#email", admin.email());
        page.fill("#password", Fixtures.PASSWORD);
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/admin");

        page.navigate("/admin/account");
        assertThat(page.locator("h1").textContent()).isEqualTo("Ваша учётная запись");
        assertAccessible(page);
        page.fill("#currentPassword", "not-the-password");
        page.fill("#newPassword", "password1234");
        page.locator("form[action='/admin/account/password'] button").click();
        assertThat(page.locator("#currentPassword-error").textContent())
            .isEqualTo("Текущий пароль указан неверно.");
        assertAccessible(page);

        page.fill("#name", "Телефон " + js);
        page.locator("form[action='/admin/account/tokens'] button").click();
        assertThat(page.locator("#new-token").inputValue()).startsWith("lct_");
        assertAccessible(page);

        page.navigate("/admin/accounts");
        assertThat(page.content()).contains(member.email());
        assertAccessible(page);

        page.navigate("/admin/audit");
        assertThat(page.locator("td[data-code='registration.exported']").first().textContent())
            .isEqualTo("Регистрации выгружены");
        assertAccessible(page);
        page.selectOption("#action", "registration.exported");
        page.locator("main form[action='/admin/audit'] button[type=submit]").click();
        assertThat(page.url()).contains("action=registration.exported");
        assertAccessible(page);
      }
    }

    try (var context = phone("Asia/Almaty", false)) {
      Page page = context.newPage();
      page.navigate("/login?lang=kk");
      page.locator("a[href='/login/forgot']").click();
      assertAccessible(page);
      page.fill("#email", "nobody-" + UUID.randomUUID() + "@example.org");
      page.locator("main form button[type=submit]").click();
      assertThat(page.locator("#reset-sent").isVisible()).isTrue();
      assertAccessible(page);
      page.navigate("/password-reset/not-a-real-link");
      assertThat(page.locator("#reset-invalid").isVisible()).isTrue();
      assertAccessible(page);
    }
  }
}
