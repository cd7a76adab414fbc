package org.lectern.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delegates' accounts, keyed by the e-mail blind index: their encrypted address, the language they
 * read, and the hash of their calendar feed secret. An address is recorded when mail is first sent
 * to it or when its delegate asks for a sign-in link; a sign-in link is only ever sent to an
 * address found here, so Lectern cannot be used to mail strangers.
 */
@Repository
public class DelegateAccounts {

  static final String EMAIL = "delegate.email";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final Clock clock;

  DelegateAccounts(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  public String indexOf(String email) {
    return cipher.emailIndex(email);
  }

  /**
   * Records the address; the language follows the registration unless the delegate chose one.
   * Returns the language mails to the address are written in: the one the delegate chose, else
   * {@code language} (one statement where a look-up and then a write were two, issue 16).
   */
  public String remember(String email, String language) {
    return jdbc.sql(
            """
            insert into delegate_address (email_index, email, language, created_at, updated_at)
            values (:idx, :email, :lang, :now, :now)
            on conflict (email_index) do update set
              language = case when delegate_address.language_fixed
                              then delegate_address.language else excluded.language end,
              updated_at = excluded.updated_at
            returning language
            """)
        .param("idx", indexOf(email))
        .param("email", cipher.encrypt(email.strip(), EMAIL))
        .param("lang", language)
        .param("now", Timestamp.from(clock.instant()))
        .query(String.class)
        .single();
  }

  /**
   * As {@link #remember} for several addresses (e-mail to the language it would be given), in one
   * statement where it was one per mail (issue 16); answers each address's language, by the address
   * as given. An address given twice (also in another spelling of the same address) is recorded
   * once, with the language given last.
   */
  public Map<String, String> rememberAll(Map<String, String> languageByEmail) {
    Map<String, String> indexByEmail = new HashMap<>();
    Map<String, String[]> byIndex = new LinkedHashMap<>();
    languageByEmail.forEach(
        (email, language) -> {
          String idx = indexOf(email);
          indexByEmail.put(email, idx);
          byIndex.put(idx, new String[] {email, language});
        });
    if (byIndex.isEmpty()) {
      return Map.of();
    }
    int n = byIndex.size();
    String[] indexes = new String[n];
    byte[][] emails = new byte[n][];
    String[] languages = new String[n];
    int i = 0;
    for (Map.Entry<String, String[]> e : byIndex.entrySet()) {
      indexes[i] = e.getKey();
      emails[i] = cipher.encrypt(e.getValue()[0].strip(), EMAIL);
      languages[i] = e.getValue()[1];
      i++;
    }
    // One text for every number of addresses (arrays, not a values list per size): prepared once
    // per connection and planned generically, where each size was a new text parsed and planned
    // on every call (issue 16, thirteenth pass).
    Map<String, String> languageByIndex = new HashMap<>();
    jdbc.sql(
            """
            insert into delegate_address (email_index, email, language, created_at, updated_at)
            select idx, email, lang, :now, :now
            from unnest(cast(:idx as text[]), cast(:email as bytea[]), cast(:lang as text[]))
              with ordinality as a (idx, email, lang, ord)
            order by ord
            on conflict (email_index) do update set
              language = case when delegate_address.language_fixed
                              then delegate_address.language else excluded.language end,
              updated_at = excluded.updated_at
            returning email_index, language
            """)
        .param("idx", indexes)
        .param("email", emails)
        .param("lang", languages)
        .param("now", Timestamp.from(clock.instant()))
        .query((rs, k) -> languageByIndex.put(rs.getString(1), rs.getString(2)))
        .list();
    Map<String, String> out = new HashMap<>();
    indexByEmail.forEach((email, idx) -> out.put(email, languageByIndex.get(idx)));
    return out;
  }

  public Optional<DelegateAddress> find(String emailIndex) {
    return jdbc.sql(
            "select email_index, email, language, feed_hash from delegate_address"
                + " where email_index = :idx")
        .param("idx", emailIndex)
        .query((rs, i) -> map(rs))
        .optional();
  }

  public Optional<DelegateAddress> byFeedSecret(String secret) {
    return jdbc.sql(
            "select email_index, email, language, feed_hash from delegate_address"
                + " where feed_hash = :h")
        .param("h", hash(secret))
        .query((rs, i) -> map(rs))
        .optional();
  }

  /** The language mails to this address are written in, if the delegate chose one. */
  public Optional<String> chosenLanguage(String email) {
    return jdbc.sql(
            "select language from delegate_address where email_index = :idx and language_fixed")
        .param("idx", indexOf(email))
        .query(String.class)
        .optional();
  }

  public void chooseLanguage(String emailIndex, String language) {
    jdbc.sql(
            """
            update delegate_address set language = :lang, language_fixed = true, updated_at = :now
            where email_index = :idx
            """)
        .param("idx", emailIndex)
        .param("lang", language)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** A new feed secret (shown once); only its hash is stored, so the old URL stops working. */
  public String renewFeedSecret(String emailIndex) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql(
            "update delegate_address set feed_hash = :h, feed_created_at = :now"
                + " where email_index = :idx")
        .param("idx", emailIndex)
        .param("h", hash(secret))
        .param("now", Timestamp.from(clock.instant()))
        .update();
    return secret;
  }

  public void revokeFeed(String emailIndex) {
    jdbc.sql(
            "update delegate_address set feed_hash = null, feed_created_at = null"
                + " where email_index = :idx")
        .param("idx", emailIndex)
        .update();
  }

  /** Forgets the delegate: their address, language, feed and any sign-in link still valid. */
  public void forget(String emailIndex) {
    jdbc.sql("delete from delegate_address where email_index = :i").param("i", emailIndex).update();
    jdbc.sql("delete from one_time_tokens where username = :i").param("i", emailIndex).update();
  }

  private DelegateAddress map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new DelegateAddress(
        rs.getString("email_index"),
        cipher.decrypt(rs.getBytes("email"), EMAIL),
        rs.getString("language"),
        rs.getString("feed_hash") != null);
  }

  static String hash(String secret) {
    return Sha256.hex(secret);
  }
}
