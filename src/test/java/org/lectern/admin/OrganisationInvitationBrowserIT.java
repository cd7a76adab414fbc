package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationInvitations;
import org.lectern.organisation.OrganisationRole;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invited person's page (ADR 0010) on a 360-pixel phone in Kazakh, without JavaScript: it names
 * the inviting organisation, fits the screen, axe-core finds nothing, and Accept is a plain form
 * that makes them a member. The inviter's members page with the pending row fits and passes too.
 */
class OrganisationInvitationBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired OrganisationInvitations invitations;

  @Test
  void theInvitedPersonAcceptsOnAPhoneWithoutJavaScript() {
    LecternUser admin = fixtures.organiser("phone-inviter");
    UUID org = fixtures.organisationOf(admin);
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    LecternUser invited = fixtures.organiser("phone-invited");
    var invitation =
        invitations.invite(
            users.find(admin.id()).orElseThrow(),
            org,
            invited.email(),
            "Жазылған Есім",
            OrganisationRole.MEMBER,
            "kk");
    // The mail's link is known only to the mail: wait for it, spend it, take a new one.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                        "select token_hash is not null from organisation_invitation where id = :id")
                    .param("id", invitation.id())
                    .query(Boolean.class)
                    .single());
    jdbc.sql("update organisation_invitation set token_hash = null where id = :id")
        .param("id", invitation.id())
        .update();
    String token = invitations.issueLink(invitation.id(), invitation.round()).orElseThrow();

    // axe-core needs JavaScript; the answer itself is a plain form, clicked without it.
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, admin.email(), "kk");
      fits(page, "/admin/organisations/" + org + "/members");
      assertThat(page.content()).contains("Жазылған Есім").doesNotContain(invited.fullName());
    }
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, invited.email(), "kk");
      fits(page, "/admin/invitations/" + token);
      assertThat(page.content()).contains("Org phone-inviter");
    }
    try (BrowserContext context = phone("Asia/Almaty", false)) {
      Page page = context.newPage();
      signIn(page, invited.email(), "kk");
      page.navigate("/admin/invitations/" + token);
      page.locator("form[action$='/accept'] button").click();
      page.waitForURL("**/admin/organisations");
      assertThat(page.locator("[role=status]").textContent()).contains("мүшесісіз");
      assertThat(page.content()).contains("Org phone-inviter");
    }
    assertThat(users.memberships(invited.id()))
        .anyMatch(m -> m.organisationId().equals(org) && "MEMBER".equals(m.role()));
  }

  private static void fits(Page page, String path) {
    var answer = page.navigate(path);
    assertThat(answer.status()).as(path).isEqualTo(200);
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("kk");
    assertThat(
            (Boolean)
                page.evaluate(
                    "document.documentElement.scrollWidth"
                        + " <= document.documentElement.clientWidth + 1"))
        .as(path + " scrolls sideways")
        .isTrue();
    assertAccessible(page);
  }
}
