package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.lectern.support.LimitWindows;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forgot-password page answers a network address over its limit like every other limited page:
 * 429 with Retry-After, the page drawn again with the message, and no link sent.
 */
class ForgotPasswordLimitIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired Fixtures fixtures;

  @Test
  void theTwentyFirstRequestOfAnAddressIsRefusedWithRetryAfter() {
    // The 21 requests in one of the limit's fixed 15-minute windows.
    LimitWindows.awaitRoom(ResetLimits.WINDOW, Duration.ofSeconds(90));
    var http = new Http(baseUrl());
    Matcher csrf = CSRF.matcher(http.get("/login/forgot").body());
    assertThat(csrf.find()).isTrue();
    for (int i = 0; i < ResetLimits.PER_CLIENT.permits(); i++) {
      var asked =
          http.postForm(
              "/login/forgot",
              Map.of("email", "nobody-" + i + "@example.org", "_csrf", csrf.group(1)));
      assertThat(asked.status()).isEqualTo(200);
    }
    var user = fixtures.organiser("forgot-limit");

    var refused =
        http.postForm("/login/forgot", Map.of("email", user.email(), "_csrf", csrf.group(1)));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After")))
        .isBetween(1L, ResetLimits.WINDOW.toSeconds());
    assertThat(refused.body()).contains("Too many requests from your network");
    assertThat(
            jdbc.sql("select count(*) from password_reset where user_id = :u")
                .param("u", user.id())
                .query(Integer.class)
                .single())
        .isZero();
  }
}
