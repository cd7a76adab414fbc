package org.lectern.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the double opt-in mails of the outbox (decrypted, as the sender would) and follows their
 * confirmation links as a person would: open the page, press the button.
 */
public final class OptInMailbox {

  private static final Pattern LINK =
      Pattern.compile("(/programmes/[^/\\s]+/register/confirm\\?token=[A-Za-z0-9_-]+)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final String baseUrl;

  public OptInMailbox(JdbcClient jdbc, PersonalDataCipher cipher) {
    this(jdbc, cipher, null);
  }

  public OptInMailbox(JdbcClient jdbc, PersonalDataCipher cipher, String baseUrl) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.baseUrl = baseUrl;
  }

  /** Follows the address's confirmation link on this mailbox's server. */
  public UUID confirm(String email) {
    return confirm(baseUrl, email);
  }

  /** One opt-in mail as queued: kind (confirm, already_registered, full, closed) and its words. */
  public record Mail(String kind, String language, String subject, String text) {

    public String path() {
      Matcher m = LINK.matcher(text);
      assertThat(m.find()).as("a confirmation link in: " + text).isTrue();
      return m.group(1);
    }
  }

  /** Every opt-in mail to the address, oldest first. */
  public List<Mail> all(String email) {
    return jdbc
        .sql(
            """
            select kind, language, recipient, subject, body_text from mail_outbox
            where kind like 'registration.optIn.%' order by created_at, id
            """)
        .query(
            (rs, i) ->
                Map.entry(
                    cipher.decrypt(rs.getBytes("recipient"), "mail.to"),
                    new Mail(
                        rs.getString("kind").substring("registration.optIn.".length()),
                        rs.getString("language"),
                        cipher.decrypt(rs.getBytes("subject"), "mail.subject"),
                        cipher.decrypt(rs.getBytes("body_text"), "mail.text"))))
        .list()
        .stream()
        .filter(e -> e.getKey().equalsIgnoreCase(email.strip()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Waits (up to 20 s) for the address's n-th opt-in mail (1 = first). */
  public Mail await(String email, int n) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> all(email), l -> l.size() >= n)
        .get(n - 1);
  }

  /** The confirmation link of the address's latest confirm mail, once it is queued. */
  public String confirmPath(String email) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> all(email).stream().anyMatch(m -> m.kind().equals("confirm")));
    List<Mail> mails = all(email).stream().filter(m -> m.kind().equals("confirm")).toList();
    return mails.get(mails.size() - 1).path();
  }

  /** Opens the link and presses the button; the answer to the press (303 to the outcome). */
  public static Http.Response follow(String baseUrl, String path) {
    Http person = new Http(baseUrl);
    var page = person.get(path);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    String token = path.substring(path.indexOf("token=") + 6);
    return person.postForm(
        path.substring(0, path.indexOf('?')), Map.of("_csrf", csrf.group(1), "token", token));
  }

  /** Follows the address's confirmation link; returns the registration id it led to. */
  public UUID confirm(String baseUrl, String email) {
    var done = follow(baseUrl, confirmPath(email));
    assertThat(done.status()).as(done.body()).isEqualTo(303);
    String location = done.header("Location");
    Matcher id = Pattern.compile("/register/done/([0-9a-f-]{36})").matcher(location);
    assertThat(id.find()).as(location).isTrue();
    return UUID.fromString(id.group(1));
  }

  /** The status of a registration, as stored. */
  public Optional<String> status(UUID registrationId) {
    return jdbc.sql("select status from registration where id = :id")
        .param("id", registrationId)
        .query(String.class)
        .optional()
        .map(s -> s.toUpperCase(Locale.ROOT));
  }
}
