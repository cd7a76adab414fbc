package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recording the addresses mails go to (issue 16, thirteenth pass): one statement text for any
 * number of addresses (arrays), the language a delegate chose kept, and the feed's hash indexed
 * only for the addresses that have a feed.
 */
class DelegateAddressesIT extends IntegrationTest {

  @Autowired DelegateAccounts accounts;

  private static String address(String tag) {
    return tag + "-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void oneOrManyAddressesAreRecordedWithTheirLanguages() {
    String one = address("one");
    assertThat(accounts.rememberAll(Map.of(one, "kk"))).containsExactly(Map.entry(one, "kk"));
    assertThat(accounts.find(accounts.indexOf(one)).orElseThrow().email()).isEqualTo(one);

    String chose = address("chose");
    accounts.remember(chose, "en");
    accounts.chooseLanguage(accounts.indexOf(chose), "ru");
    String fresh = address("fresh");
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put(one, "en");
    asked.put(chose, "kk");
    asked.put(fresh, "kk");
    asked.put(" " + fresh.toUpperCase(), "en"); // the same address again: the last language
    Map<String, String> got = accounts.rememberAll(asked);
    assertThat(got)
        .containsEntry(one, "en")
        .containsEntry(chose, "ru")
        .containsEntry(fresh, "en")
        .containsEntry(" " + fresh.toUpperCase(), "en");
    assertThat(accounts.find(accounts.indexOf(fresh)).orElseThrow().language()).isEqualTo("en");
    assertThat(
            jdbc.sql("select count(*) from delegate_address where email_index = :i")
                .param("i", accounts.indexOf(fresh))
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void onlyAddressesWithAFeedHaveAnEntryInTheFeedIndex() {
    List<String> defs =
        jdbc.sql(
                "select pg_get_indexdef(indexrelid) from pg_index"
                    + " where indrelid = 'delegate_address'::regclass and indisunique")
            .query(String.class)
            .list();
    assertThat(defs)
        .anyMatch(d -> d.contains("(feed_hash)") && d.endsWith("WHERE (feed_hash IS NOT NULL)"));
    String a = address("feed");
    accounts.remember(a, "en");
    String secret = accounts.renewFeedSecret(accounts.indexOf(a));
    assertThat(accounts.byFeedSecret(secret).orElseThrow().emailIndex())
        .isEqualTo(accounts.indexOf(a));
    accounts.revokeFeed(accounts.indexOf(a));
    assertThat(accounts.byFeedSecret(secret)).isEmpty();
  }
}
