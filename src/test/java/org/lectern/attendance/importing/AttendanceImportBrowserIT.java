package org.lectern.attendance.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** An organiser uploads a report, checks the preview, resolves an unmatched row and confirms. */
class AttendanceImportBrowserIT extends BrowserTest {

  static final String REPORT =
      """
      Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
      Bolat,bolat@firm.kz,03/14/2024 10:10:00 AM,03/14/2024 11:40:00 AM,90,Yes
      Dana O.,,03/14/2024 10:00:00 AM,03/14/2024 11:30:00 AM,90,Yes
      """;

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired SessionService sessions;
  @Autowired RegistrationService registrations;

  @Test
  void uploadPreviewResolveConfirm() {
    LecternUser organiser = fixtures.organiser("browser");
    Programme p =
        programmes.create(
            organiser,
            fixtures.organisationOf(organiser),
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "att-browser-" + UUID.randomUUID().toString().substring(0, 6),
                    LocalizedText.of("en", "Fair trial"),
                    LocalizedText.empty(),
                    List.of("en", "ru", "kk"),
                    "Asia/Almaty",
                    null,
                    null,
                    true,
                    false)));
    ZoneId almaty = ZoneId.of("Asia/Almaty");
    var s =
        sessions.create(
            organiser,
            p.id(),
            new SessionInput.Raw(
                LocalizedText.of("en", "Evidence"),
                LocalizedText.empty(),
                LocalDateTime.parse("2024-03-14T10:00").atZone(almaty).toInstant(),
                LocalDateTime.parse("2024-03-14T12:00").atZone(almaty).toInstant(),
                "ONLINE",
                LocalizedText.empty(),
                null,
                "en",
                List.of(),
                List.of(),
                "ZOOM",
                "https://zoom.example.org/j/9"),
            List.of(),
            true);
    registrations.register(
        p.id(), RegistrationRequest.minimal("Bolat Nurlanov", "bolat@firm.kz", "ru"), organiser);
    registrations.register(
        p.id(), RegistrationRequest.minimal("Dana Omarova", "dana@advokat.kz", "kk"), organiser);

    try (var context = desktop("Asia/Almaty", true)) {
      Page page = context.newPage();
      page.navigate("/login");
      page.fill("#email", organiser.email());
      page.fill("#password", Fixtures.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/admin");

      page.navigate("/admin/sessions/" + s.id() + "/attendance");
      assertThat(page.locator("h1").textContent()).isEqualTo("Attendance");
      assertAccessible(page);

      page.setInputFiles(
          "#file",
          new FilePayload("report.csv", "text/csv", REPORT.getBytes(StandardCharsets.UTF_8)));
      page.click("text=Upload and preview");
      page.waitForURL("**/uploads/*");
      assertThat(page.locator("h1").textContent()).isEqualTo("Check before recording");
      assertThat(page.locator("dl").textContent()).contains("Zoom meeting participants");
      var dana = page.locator("tr:has-text('Dana O.')");
      assertThat(dana.textContent())
          .contains("No registration found")
          .contains("90")
          .contains("75");
      assertThat(page.locator("tr:has(th:has-text('bolat@firm.kz'))").textContent())
          .contains("Matched")
          .contains("Bolat Nurlanov");
      assertAccessible(page);

      dana.locator("select")
          .selectOption(new SelectOption().setLabel("Dana Omarova · dana@advokat.kz"));
      page.click("text=Record this attendance");
      page.waitForURL("**/admin/sessions/" + s.id() + "/attendance");

      assertThat(page.locator("[role=status]").textContent())
          .contains("2 people, 2 matched to registrations, 0 not matched");
      var row = page.locator("tr:has-text('Dana Omarova')");
      assertThat(row.textContent()).contains("Delegate").contains("90").contains("75");
      assertThat(page.locator("tr:has-text('Bolat Nurlanov')").textContent()).contains("90");
      assertAccessible(page);

      // With JavaScript the upload goes through the progress bar; a file over the 20 MB limit comes
      // back as the form with its error (put into the page by the script), still accessible, and
      // nothing is recorded.
      byte[] huge = new byte[21 * 1024 * 1024];
      java.util.Arrays.fill(huge, (byte) 'a');
      page.setInputFiles("#file", new FilePayload("huge.csv", "text/csv", huge));
      page.click("text=Upload and preview");
      // 21 MB through the script's upload: on a loaded shared machine this takes longer than the
      // default 30 s, so the wait is longer (the test checks the refusal, not its speed).
      page.locator("#file-error")
          .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
      assertThat(page.locator("#file[aria-invalid=true]").count()).isEqualTo(1);
      assertThat(page.locator(".upload-progress").isHidden()).isTrue();
      assertAccessible(page);
    }
    assertThat(
            jdbc.sql("select count(*) from attendance_import where session_id = :s")
                .param("s", s.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // The decision is remembered: "Dana O." now matches by itself for this programme.
    assertThat(
            jdbc.sql("select count(*) from attendance_alias where programme_id = :p")
                .param("p", p.id())
                .query(Integer.class)
                .single())
        .isPositive();
  }
}
