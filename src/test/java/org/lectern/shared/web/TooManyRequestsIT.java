package org.lectern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One 429 for every limit: Retry-After, a page in the user's language or problem+json. */
class TooManyRequestsIT extends IntegrationTest {

  @Autowired Fixtures fixtures;

  @Test
  void theCertificateCheckAnswersAPageInKazakhWithRetryAfter() {
    Http http = new Http(baseUrl());
    Http.Response last = null;
    // Limits count in fixed windows: 61 requests put at least 31 in one window, even when a
    // loaded machine makes the loop cross a window's end.
    for (int i = 0; i < 61 && (last == null || last.status() != 429); i++) {
      last = http.get("/verify/AAAA-BBBB-CCCC-DDDD?lang=kk");
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(last.header("Content-Type")).startsWith("text/html");
    assertThat(last.body()).contains("lang=\"kk\"");
  }

  @Test
  void signedInCallersAreLimitedTooByUserWithProblemJson() {
    Http http = new Http(baseUrl());
    var organiser = fixtures.organiser("limits");
    var token =
        http.postJson(
                "/api/v1/auth/tokens",
                map("email", organiser.email(), "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    String path = "/api/v1/programmes/" + UUID.randomUUID() + "/registrations";
    Http.Response last = null;
    // As above: 241 requests put at least 121 in one fixed window.
    for (int i = 0; i < 241 && (last == null || last.status() != 429); i++) {
      last = http.postJson(path, map("fullName", "x"), "Authorization", "Bearer " + token);
      if (i == 0) {
        assertThat(last.status()).isNotEqualTo(429);
      }
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Content-Type")).startsWith("application/problem+json");
    assertThat(last.header("Retry-After")).isNotBlank();
    assertThat(last.json().get("code").asString()).isEqualTo("registration.tooMany");
  }
}
