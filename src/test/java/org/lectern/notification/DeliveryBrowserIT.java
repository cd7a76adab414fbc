package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery page on a phone, in Kazakh, with and without JavaScript (axe-core on the pass with
 * scripts): the held mail of an undeliverable address, its reason, and releasing it.
 */
class DeliveryBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired Outbox outbox;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  @Test
  void anOrganiserReadsDeliveryAndReleasesAnAddressOnAPhone() {
    LecternUser organiser = fixtures.organiser("delivery-phone");
    Programme p =
        fixtures.programme(
            organiser,
            "delivery",
            new LocalizedText(java.util.Map.of("kk", "Сот және құқық", "ru", "Суд и права")),
            List.of("kk", "ru"),
            null,
            40);
    for (boolean javascript : new boolean[] {false, true}) {
      String address = "moved-" + javascript + "@example.kz";
      undeliverable.mark(
          p.organisationId(), address, Undeliverable.Reason.BOUNCED, 550, "5.1.1", clock.instant());
      transactions.executeWithoutResult(
          tx ->
              outbox.enqueue(
                  new OutgoingMail(
                          MailKind.PROGRAMME_ANNOUNCEMENT.code(),
                          p.id(),
                          address,
                          "kk",
                          "Хабарландыру",
                          "Зал өзгерді.",
                          null,
                          List.of(),
                          "test:" + UUID.randomUUID(),
                          false)
                      .about(p.id(), p.organisationId())));
      try (BrowserContext context = phone("Asia/Almaty", javascript)) {
        Page page = context.newPage();
        signIn(page, organiser.email(), "kk");

        page.navigate("/admin/programmes/" + p.id() + "/delivery");
        assertThat(page.locator("h1").innerText()).isEqualTo("Хаттарды жеткізу");
        String main = page.locator("main").innerText();
        assertThat(main)
            .contains("Хабарландыру")
            .contains(address)
            .contains("Жеткізілмеген ретінде қайтарылды")
            .contains("550 5.1.1")
            .contains("Asia/Almaty");
        assertThat(page.locator("nav.prognav a[aria-current=page]").textContent())
            .isEqualTo("Хаттарды жеткізу");
        if (javascript) {
          page.locator("nav.prognav summary").click();
          assertAccessible(page);
        }
        page.locator("button[aria-label*='" + address + "']").click();
        page.waitForURL("**/delivery?done=released");
        assertThat(page.locator("[role=status]").innerText()).contains("Белгі алынды");
        assertThat(page.locator("main").innerText()).doesNotContain(address);
        if (javascript) {
          assertAccessible(page);
        }
      }
      assertThat(undeliverable.find(p.organisationId(), address)).isEmpty();
    }
  }
}
