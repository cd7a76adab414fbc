package org.lectern.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;

/**
 * Generated hostile input against every HTML form the back office and the public site post,
 * discovered by crawling what a signed-in organiser reaches from {@code /admin} and an anonymous
 * visitor from {@code /} (no list of forms to keep up to date). Each form is posted as the browser
 * would (its CSRF token, its other fields as the page filled them), with one field at a time
 * replaced by a hostile value from {@link HostileValues} ({@value #TRIES} seeded tries per form),
 * in Russian.
 *
 * <p>The property: no 5xx; a refusal (any answer that is not a redirect) is a page that shows the
 * error — next to the field or in the page's alert — in Russian; a refused post changes none of the
 * checked tables. Coverage is printed ({@code Hostile form input: N forms …}) and recorded in
 * BENCHMARKS.md.
 */
class HostileFormsIT extends HostileFixture {

  static final long SEED = 19;
  static final int TRIES = 8;
  static final int MAX_PAGES = 120;
  static final int MIN_FORMS = 10;

  /** Posts that would end the crawl's own session or are covered elsewhere. */
  static final List<String> SKIPPED = List.of("/logout", "/login");

  @BeforeAll
  void world() {
    createWorld();
  }

  /** A browser without a browser: cookies, CSRF from the page, redirects not followed. */
  final class Browser {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String form) {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private URI uri(String path) {
      return URI.create(baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
      try {
        return client.send(
            b.header("Accept-Language", "ru").timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A form found on a page: where it posts, and its fields as the page filled them. */
  record Form(String page, String action, List<Map.Entry<String, String>> fields) {
    String key() {
      return action.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
          + fields.stream().map(Map.Entry::getKey).sorted().distinct().toList();
    }
  }

  Browser signIn() {
    Browser b = new Browser();
    var login = b.get("/login");
    String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
    var res =
        b.post(
            "/login",
            "email="
                + Http.enc(organiser.email())
                + "&password="
                + Http.enc(Fixtures.PASSWORD)
                + "&_csrf="
                + Http.enc(csrf));
    assertThat(res.statusCode()).as("sign-in").isEqualTo(302);
    return b;
  }

  /** Every page reachable by links from {@code start}, and the post forms on them. */
  Map<String, Form> crawl(Browser b, String start) {
    Map<String, Form> forms = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
      String path = queue.poll();
      if (!seen.add(path)) {
        continue;
      }
      var res = b.get(path);
      String type = res.headers().firstValue("Content-Type").orElse("");
      if (res.statusCode() != 200 || !type.startsWith("text/html")) {
        continue;
      }
      Document doc = Jsoup.parse(res.body(), baseUrl() + path);
      for (Element a : doc.select("a[href]")) {
        String next = local(a.attr("abs:href"));
        if (next != null && crawlable(next) && !seen.contains(next)) {
          queue.add(next);
        }
      }
      for (Element f : doc.select("form")) {
        if (!"post".equalsIgnoreCase(f.attr("method"))) {
          continue;
        }
        String action =
            local(f.attr("abs:action").isEmpty() ? baseUrl() + path : f.attr("abs:action"));
        if (action == null || SKIPPED.stream().anyMatch(action::startsWith)) {
          continue;
        }
        Form form = new Form(path, action, fields(f));
        forms.putIfAbsent(form.key(), form);
      }
    }
    return forms;
  }

  String local(String absolute) {
    if (!absolute.startsWith(baseUrl() + "/")) {
      return null;
    }
    String p = absolute.substring(baseUrl().length());
    int hash = p.indexOf('#');
    return hash >= 0 ? p.substring(0, hash) : p;
  }

  static boolean crawlable(String path) {
    return !path.startsWith("/assets")
        && !path.startsWith("/webjars")
        && !path.contains("lang=")
        && !path.contains("/live/events")
        && !path.startsWith("/api/")
        && !path.startsWith("/v3/")
        && !path.startsWith("/swagger")
        && !path.matches(".*\\.(ics|pdf|csv|xlsx|png|svg|zip)(\\?.*)?$")
        && !path.contains("/export")
        && !path.contains("/download");
  }

  static List<Map.Entry<String, String>> fields(Element form) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Element e : form.select("input[name], select[name], textarea[name]")) {
      String name = e.attr("name");
      String type = e.attr("type").toLowerCase(java.util.Locale.ROOT);
      if (type.equals("file") || type.equals("submit")) {
        continue;
      }
      if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) {
        continue;
      }
      String value;
      if (e.tagName().equals("select")) {
        Element selected = e.selectFirst("option[selected]");
        Element first = selected != null ? selected : e.selectFirst("option");
        value = first == null ? "" : first.attr("value");
      } else if (e.tagName().equals("textarea")) {
        value = e.text();
      } else {
        value = e.attr("value");
      }
      out.add(Map.entry(name, value));
    }
    return out;
  }

  @Test
  void noFormCrashesOrChangesAnythingWhenItRefuses() {
    Browser organiserBrowser = signIn();
    Browser visitor = new Browser();
    Map<String, Form> adminForms = crawl(organiserBrowser, "/admin");
    Map<String, Form> publicForms = crawl(visitor, "/");
    publicForms.putAll(crawl(visitor, "/programmes/" + programmeSlug));
    Random random = new Random(SEED);
    List<String> violations = new ArrayList<>();
    int posts = 0;
    int refusals = 0;
    for (var entry :
        List.of(Map.entry(organiserBrowser, adminForms), Map.entry(visitor, publicForms))) {
      Browser b = entry.getKey();
      for (Form form : entry.getValue().values()) {
        List<String> names =
            form.fields().stream()
                .map(Map.Entry::getKey)
                .filter(n -> !n.equals("_csrf"))
                .distinct()
                .toList();
        if (names.isEmpty()) {
          continue;
        }
        for (int i = 0; i < TRIES; i++) {
          String field = HostileValues.pick(random, names);
          String value = HostileValues.text(random);
          String csrf =
              Jsoup.parse(b.get(form.page()).body()).select("input[name=_csrf]").attr("value");
          StringBuilder body = new StringBuilder();
          for (var f : form.fields()) {
            String v =
                f.getKey().equals("_csrf") ? csrf : f.getKey().equals(field) ? value : f.getValue();
            if (!body.isEmpty()) {
              body.append('&');
            }
            body.append(Http.enc(f.getKey())).append('=').append(Http.enc(v));
          }
          String before = snapshot();
          HttpResponse<String> res;
          try {
            res = b.post(form.action(), body.toString());
          } catch (java.io.UncheckedIOException e) {
            if (!oversized(form.action(), body.toString().getBytes(StandardCharsets.UTF_8))) {
              throw new IllegalStateException(
                  "POST "
                      + form.action()
                      + " field "
                      + field
                      + "="
                      + HostileApiIT.shorten(value)
                      + " ("
                      + body.length()
                      + " bytes): connection cut",
                  e);
            }
            // The server refused a body over its limit before the application and closed the
            // connection while it was still being sent; nothing may have changed.
            posts++;
            refusals++;
            if (!snapshot().equals(before)) {
              violations.add(
                  "POST " + form.action() + " field " + field + " → cut off but changed data");
            }
            continue;
          }
          posts++;
          String v = violation(res, field, before);
          if (v != null) {
            refusals++;
          }
          if (v != null && !v.isEmpty()) {
            violations.add(
                "POST "
                    + form.action()
                    + " field "
                    + field
                    + "="
                    + HostileApiIT.shorten(value)
                    + " → "
                    + v);
          }
        }
      }
    }
    System.out.printf(
        "Hostile form input: %d forms (%d back office, %d public), %d posts, %d refused, %d violations%n",
        adminForms.size() + publicForms.size(),
        adminForms.size(),
        publicForms.size(),
        posts,
        refusals,
        violations.size());
    assertThat(adminForms.size() + publicForms.size())
        .as("forms found")
        .isGreaterThanOrEqualTo(MIN_FORMS);
    assertThat(violations).isEmpty();
  }

  /** Null when accepted (a redirect); "" when properly refused; else what is wrong. */
  String violation(HttpResponse<String> res, String field, String before) {
    int status = res.statusCode();
    if (status >= 500) {
      return status + " " + HostileFixture.abbreviate(res.body());
    }
    if (status >= 300 && status < 400) {
      return null;
    }
    String type = res.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/html")) {
      return status + " as " + type;
    }
    Document doc = Jsoup.parse(res.body());
    var shown = doc.select(".error, [role=alert], .alert.err, #error-summary");
    if (status == 200 && shown.isEmpty()) {
      return null; // a page answered in place (a search, a preview): nothing was refused
    }
    if (shown.isEmpty()) {
      return status + " without an error shown";
    }
    if (!shown.text().matches("(?s).*[А-Яа-яЁё].*")) {
      return status + " error not in Russian: " + HostileFixture.abbreviate(shown.text());
    }
    String after = snapshot();
    if (!after.equals(before)) {
      return status + " refused but changed data";
    }
    return "";
  }
}
