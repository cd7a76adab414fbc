package org.lectern.attendance.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/** Personal join links: before the window, in it, after it, and shared between two devices. */
class JoinLinkIT extends AttendanceFixture {

  @Autowired JoinLinkService links;
  @Autowired LinkSharing sharing;
  @Autowired ProviderSettingsRepository providers;

  @Test
  void beforeTheWindowThePageSaysWhenItOpensInTheDelegatesLanguage() {
    var p = programme("Asia/Almaty");
    Instant start = Instant.now().plus(Duration.ofHours(3));
    var s =
        session(p, start, start.plus(Duration.ofHours(2)), "ZOOM", "https://zoom.example.org/j/1");
    UUID reg = register(p, "Айгерим Сарсенбаева", "aigerim.join@mail.kz", "kk");
    String path = path(links.linkFor(reg, s.id()));

    var res = new Http(baseUrl()).get(path, "Accept-Language", "en");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body())
        .contains("lang=\"kk\"")
        .contains("ашылады")
        .doesNotContain("zoom.example.org");
    assertThat(count("attendance_join_click where session_id = '" + s.id() + "'")).isZero();
    // The same link again: stable, so reminders can compute it at any time.
    assertThat(path(links.linkFor(reg, s.id()))).isEqualTo(path);
  }

  @Test
  void inTheWindowTheClickIsRecordedAndForwardedAndAfterTheEndItIsGone() {
    var p = programme("Asia/Almaty");
    Instant start = Instant.now().plus(Duration.ofMinutes(20));
    var s =
        session(p, start, start.plus(Duration.ofHours(1)), "ZOOM", "https://zoom.example.org/j/2");
    var past =
        session(
            p,
            Instant.now().minus(Duration.ofHours(3)),
            Instant.now().minus(Duration.ofHours(1)),
            "ZOOM",
            "https://zoom.example.org/j/3");
    UUID reg = register(p, "Bolat Nurlanov", "bolat.join@mail.kz");

    var res = new Http(baseUrl()).get(path(links.linkFor(reg, s.id())), "User-Agent", "Phone/1");
    assertThat(res.status()).isEqualTo(302);
    assertThat(res.header("Location")).isEqualTo("https://zoom.example.org/j/2");
    assertThat(count("attendance_join_click where session_id = '" + s.id() + "'")).isEqualTo(1);

    assertThat(new Http(baseUrl()).get(path(links.linkFor(reg, past.id()))).status())
        .isEqualTo(410);
    assertThat(new Http(baseUrl()).get("/j/0123456789abcdef0123456789abcdef").status())
        .isEqualTo(404);
  }

  @Test
  void twoDevicesUsingOneLinkAreFlaggedOneDeviceMovingIsNot() {
    var p = programme("Asia/Almaty");
    Instant start = Instant.now().minus(Duration.ofMinutes(10));
    var s = session(p, start, start.plus(Duration.ofHours(1)), "URL", "https://meet.example.org/x");
    UUID shared = register(p, "Dana Omarova", "dana.join@mail.kz");
    UUID moving = register(p, "Marat Ospanov", "marat.join@mail.kz");
    var http = new Http(baseUrl());
    String sharedPath = path(links.linkFor(shared, s.id()));
    String movingPath = path(links.linkFor(moving, s.id()));

    http.get(sharedPath, "User-Agent", "Laptop/Firefox", "X-Forwarded-For", "198.51.100.4");
    http.get(sharedPath, "User-Agent", "Phone/Chrome", "X-Forwarded-For", "203.0.113.9");
    http.get(movingPath, "User-Agent", "Laptop/Edge", "X-Forwarded-For", "198.51.100.5");
    http.get(movingPath, "User-Agent", "Laptop/Edge", "X-Forwarded-For", "203.0.113.10");

    var flags = sharing.flags(s.id(), JoinWindow.of(s));
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).registrationId()).isEqualTo(shared);
    assertThat(flags.get(0).devices()).isEqualTo(2);
  }

  @Test
  void jitsiEmbeddingExtendsTheContentSecurityPolicyOnlyOnThatPage() {
    var p = programme("Asia/Almaty");
    providers.save(p.id(), new ProviderSettings("https://jitsi.example.org", true, null, null));
    Instant start = Instant.now().minus(Duration.ofMinutes(5));
    var s = session(p, start, start.plus(Duration.ofHours(1)), "JITSI", null);
    UUID reg = register(p, "Asel Akhmetova", "asel.join@mail.kz");

    var res = new Http(baseUrl()).get(path(links.linkFor(reg, s.id())));

    assertThat(res.status()).isEqualTo(200);
    String csp = res.header("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self';").contains("frame-src https://jitsi.example.org");
    assertThat(
            csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
        .isEqualTo("script-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline");
    // No script of another origin; the room is a sandboxed frame that is not told who joins.
    assertThat(res.body())
        .doesNotContainPattern("<script[^>]+src=\"(https?:)?//")
        .doesNotContain("external_api.js")
        .doesNotContain("Asel")
        .containsPattern(
            "<iframe id=\"jitsi\" class=\"jitsi\" src=\"https://jitsi\\.example\\.org/lectern-[0-9a-f]{24}\"")
        .contains("sandbox=\"allow-scripts allow-same-origin allow-forms")
        .doesNotContain("allow-top-navigation")
        .contains("allow=\"camera; microphone; display-capture")
        .contains("referrerpolicy=\"no-referrer\"");
    assertThat(new Http(baseUrl()).get("/").header("Content-Security-Policy"))
        .doesNotContain("jitsi");

    providers.save(p.id(), new ProviderSettings("https://jitsi.example.org", false, null, null));
    var linked = new Http(baseUrl()).get(path(links.linkFor(reg, s.id())));
    assertThat(linked.status()).isEqualTo(302);
    assertThat(linked.header("Location"))
        .matches("https://jitsi\\.example\\.org/lectern-[0-9a-f]{24}");
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/j/"));
  }
}
