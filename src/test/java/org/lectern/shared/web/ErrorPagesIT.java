package org.lectern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;

/**
 * What never reaches a controller is still answered like everything else: a request refused by
 * Spring Security's firewall or by the container is problem+json under /api/ and the error page in
 * the caller's language elsewhere — never Boot's JSON, never a 403 for a failure that was not a
 * refusal.
 */
class ErrorPagesIT extends IntegrationTest {

  @Test
  void theFirewallsRefusalIsProblemJsonForTheApi() {
    var r = new Http(baseUrl()).get("/api/v1/programmes;x=1", "Accept-Language", "ru");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    assertThat(r.json().get("detail").asString()).isEqualTo("Не удалось прочитать запрос.");
    assertThat(r.body()).doesNotContain("timestamp", "Exception", "trace");
  }

  @Test
  void theFirewallsRefusalIsTheErrorPageInTheCallersLanguage() {
    var r = new Http(baseUrl()).get("/programmes;x=1", "Accept-Language", "kk");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("<html lang=\"kk\"", "role=\"alert\"");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
  }

  @Test
  void anUnknownApiAddressIsProblemJsonAndAPageIsAPage() {
    var api = new Http(baseUrl()).get("/api/v1/nothing-here", "Authorization", "Bearer nothing");
    assertThat(api.status()).isIn(401, 404);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    var page = new Http(baseUrl()).get("/nothing-here", "Accept-Language", "ru");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("По этому адресу ничего не найдено.");
  }

  @Test
  void theErrorPageItselfIsNotAnOpenDoor() {
    var r = new Http(baseUrl()).get("/error", "Accept-Language", "en");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).doesNotContain("Exception", "trace");
  }

  @Test
  void aQueryStringTheContainerCannotDecodeIsABadRequestNotAFailure() {
    // %ff is no UTF-8: Tomcat refuses to read the parameters the first time anything asks.
    var page = new Http(baseUrl()).get("/news?lang=%ff", "Accept-Language", "kk");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"kk\"", "role=\"alert\"");
    var api = new Http(baseUrl()).get("/api/v1/programmes?limit=%ff", "Accept-Language", "ru");
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.json().get("detail").asString()).isEqualTo("Не удалось прочитать запрос.");
  }

  @Test
  void anAddressTomcatRefusesIsOurPageNotTomcats() {
    // Refused by the connector before any filter runs: not UTF-8, and an encoded slash.
    for (String path : new String[] {"/programmes/%ff", "/programmes/a%2Fb"}) {
      var page = new Http(baseUrl()).get(path, "Accept-Language", "ru");
      assertThat(page.status()).isEqualTo(400);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.body())
          .contains("<html lang=\"ru\"", "role=\"alert\"", "Не удалось прочитать запрос.")
          .doesNotContain("HTTP Status", "Tomcat");
      assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    }
    var api = new Http(baseUrl()).get("/api/v1/programmes/%ff", "Accept-Language", "kk");
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.json().get("status").asInt()).isEqualTo(400);
  }
}
