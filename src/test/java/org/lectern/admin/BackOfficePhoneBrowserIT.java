package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.BackOfficeSession;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammePartners;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of a programme's menu, and every page an organisation's administrator reaches from the
 * back office, on a 360-pixel phone in Kazakh (the longest words of the three languages), with a
 * session and registrations on it: each answers 200, does not scroll sideways (wide tables scroll
 * in their own frame) and axe-core finds nothing.
 */
class BackOfficePhoneBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired RegistrationService registrations;
  @Autowired ProgrammeService programmes;
  @Autowired ProgrammePartners partners;

  @Test
  void everyBackOfficePageFitsAPhoneAndPassesAxe() {
    LecternUser organiser = fixtures.organiser("phone-sweep");
    UUID org = fixtures.organisationOf(organiser);
    users.grantOrganisationRole(org, organiser.id(), "ADMIN");
    Programme p =
        fixtures.programme(
            organiser,
            "phone-sweep",
            new LocalizedText(
                Map.of(
                    "kk", "Адам құқықтары және сот төрелігіне қол жетімділік",
                    "ru", "Права человека и доступ к правосудию")),
            List.of("kk", "ru"),
            null,
            30);
    Instant start = Instant.now().plus(Duration.ofDays(2));
    UUID session =
        fixtures.hybridSession(organiser, p.id(), "kk", "Қорғалу құқығы", start, 20).id();
    for (String who : List.of("Ерлан Қасымов", "Дана Ахметова")) {
      registrations.register(
          p.id(),
          RegistrationRequest.minimal(who, UUID.randomUUID() + "@long-domain.example.kz", "kk"),
          organiser);
    }
    // Proposals both ways (ADR 0010): the settings page lists one awaiting another organisation's
    // agreement, the organisation's proposals page one to answer.
    LecternUser other = fixtures.organiser("phone-partner");
    partners.putPartner(
        organiser,
        p.id(),
        new ProgrammePartner(
            fixtures.organisationOf(other),
            PartnerRole.PARTNER,
            LocalizedText.empty(),
            LocalizedText.empty(),
            1));
    proposeTo(org, other);

    List<String> paths = new ArrayList<>();
    ProgrammeMenu.ITEMS.forEach(i -> paths.add("/admin/programmes/" + p.id() + i.path()));
    paths.addAll(
        List.of(
            "/admin",
            "/admin/account",
            "/admin/speakers",
            "/admin/speakers/new",
            "/admin/programmes/new",
            "/admin/programmes/" + p.id() + "/sessions/new",
            "/admin/programmes/" + p.id() + "/registration-settings",
            "/admin/programmes/" + p.id() + "/certificates/settings",
            "/admin/programmes/" + p.id() + "/learning/results",
            "/admin/sessions/" + session,
            "/admin/sessions/" + session + "/attendance",
            "/admin/sessions/" + session + "/check-in",
            "/admin/sessions/" + session + "/materials",
            "/admin/sessions/" + session + "/recording",
            "/admin/organisations/" + org + "/settings",
            "/admin/organisations/" + org + "/members",
            "/admin/organisations/" + org + "/posts",
            "/admin/organisations/" + org + "/posts/new",
            "/admin/organisations/" + org + "/purge",
            "/admin/organisations/" + org + "/comparison",
            "/admin/organisations/" + org + "/partner-proposals"));

    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, organiser.email(), "kk");
      assertThat(unfit(page, paths)).as("pages that do not fit a phone").isEmpty();
    }
  }

  /**
   * An organisation's administrator answers a proposal to co-organise on a phone in Kazakh without
   * JavaScript: the organisation's page leads to the proposals, Accept is a plain form.
   */
  @Test
  void anAdministratorAcceptsAProposalWithoutJavaScript() {
    LecternUser admin = fixtures.organiser("phone-consent");
    UUID org = fixtures.organisationOf(admin);
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    Programme theirs = proposeTo(org, fixtures.organiser("phone-consent-host"));
    try (BrowserContext context = phone("Asia/Almaty", false)) {
      Page page = context.newPage();
      signIn(page, admin.email(), "kk");
      page.navigate("/admin/organisations/" + org + "/settings");
      page.locator("a[href$='/partner-proposals']").click();
      page.waitForURL("**/partner-proposals");
      assertThat(page.content()).contains("Серіктестік бағдарлама");
      page.locator("form[action$='/partner-proposals/accept'] button").click();
      page.waitForURL("**/partner-proposals");
      assertThat(page.locator("[role=status]").textContent()).contains("Қабылданды");
    }
    assertThat(programmes.partners(theirs.id()))
        .anyMatch(pp -> pp.organisationId().equals(org) && pp.role() == PartnerRole.CO_ORGANISER);
  }

  /** A programme of the host's organisation that proposes {@code org} as co-organiser. */
  private Programme proposeTo(UUID org, LecternUser host) {
    Programme theirs =
        fixtures.programme(
            host,
            "phone-partner",
            new LocalizedText(Map.of("kk", "Серіктестік бағдарлама")),
            List.of("kk"),
            null,
            10);
    partners.putPartner(
        host,
        theirs.id(),
        new ProgrammePartner(
            org,
            PartnerRole.CO_ORGANISER,
            LocalizedText.of("kk", "Бірлесіп ұйымдастырылған"),
            LocalizedText.empty(),
            1));
    return theirs;
  }

  @Test
  void thePlatformAdministratorsPagesFitAPhoneAndPassAxe() {
    String email = "platform-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    users.create(email, "Платформа әкімшісі", Fixtures.PASSWORD, true);
    fixtures.organiser("phone-platform");
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      page.navigate("/login?lang=kk");
      page.fill("#email", email);
      page.fill("#password", Fixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> url.contains("/admin"));
      if (page.url().endsWith("/admin/account/second-factor")) {
        // Where the installation requires one of platform administrators: set it up first.
        page.fill("#code", BackOfficeSession.code(BackOfficeSession.secretOf(page.content()), 0));
        page.locator("form:has(#code) button[type=submit]").click();
        page.waitForSelector(".recovery-codes");
      }
      assertThat(
              unfit(
                  page,
                  List.of(
                      "/admin",
                      "/admin/account",
                      "/admin/account/second-factor",
                      "/admin/organisations",
                      "/admin/organisations/new",
                      "/admin/accounts",
                      "/admin/users",
                      "/admin/outbox",
                      "/admin/audit",
                      "/admin/retention")))
          .as("pages that do not fit a phone")
          .isEmpty();
    }
  }

  /**
   * Opens each page; answers those that are not 200 or scroll sideways (with the first elements
   * that stick out); fails at once on an axe-core violation. Measured against the layout width (the
   * root's clientWidth): a phone's browser widens window.innerWidth to whatever sticks out, so a
   * page that scrolls sideways would compare equal to it.
   */
  private static List<String> unfit(Page page, List<String> paths) {
    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      Response answer = page.navigate(path);
      if (answer == null || answer.status() != 200) {
        problems.add(path + ": " + (answer == null ? "no answer" : answer.status()));
        continue;
      }
      assertThat(page.locator("html").getAttribute("lang")).as(path).isEqualTo("kk");
      Object wide =
          page.evaluate(
              "() => [...document.querySelectorAll('body *')]"
                  + ".filter(e => e.getBoundingClientRect().right"
                  + " > document.documentElement.clientWidth + 1"
                  + " && !e.closest('.table-wrap') && getComputedStyle(e).position !== 'fixed')"
                  + ".slice(0, 3).map(e => e.tagName + '.' + e.className + ' '"
                  + " + Math.round(e.getBoundingClientRect().right))");
      if (!(Boolean)
          page.evaluate(
              "document.documentElement.scrollWidth"
                  + " <= document.documentElement.clientWidth + 1")) {
        problems.add(path + ": scrolls sideways, wide: " + wide);
      }
      // A message given an empty argument leaves a dangling colon ("Registrations:").
      Object dangling =
          page.evaluate(
              "() => [...document.querySelectorAll('main a')].map(a => a.textContent.trim())"
                  + ".filter(t => t.endsWith(':'))");
      if (!((List<?>) dangling).isEmpty()) {
        problems.add(path + ": a link ends in a colon: " + dangling);
      }
      assertAccessible(page);
    }
    return problems;
  }
}
