package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Staff accounts' addresses and names are sealed at rest (ADR 0022, amendment "staff accounts"):
 * the stored row holds neither, sign-in still finds an address in any case and with spaces around
 * it, two accounts for one address created at the same time give one account, account lists keep
 * their order, and an API call opens no address or name it does not show.
 */
class StaffAccountsAtRestIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired AccountSeal seal;
  @Autowired AccountRepository accounts;
  @Autowired OrganisationMemberships memberships;
  @Autowired OrganisationService organisations;
  @Autowired Transactions transactions;

  static String unique(String label) {
    return label + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theStoredRowHoldsNeitherTheAddressNorTheName() {
    String email = unique("Staff.Person") + "@Example.org";
    String name = "Aigerim Staffperson-" + UUID.randomUUID().toString().substring(0, 6);
    UUID id = users.create(email, name, Fixtures.PASSWORD, false);

    String row =
        jdbc.sql("select u::text from app_user u where id = :u")
            .param("u", id)
            .query(String.class)
            .single();
    Map<String, Object> columns =
        jdbc.sql("select * from app_user where id = :u").param("u", id).query().singleRow();
    List<String> stored = new ArrayList<>(List.of(row));
    for (Object value : columns.values()) {
      stored.add(
          value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : "" + value);
    }
    for (String s : stored) {
      String lower = s.toLowerCase(Locale.ROOT);
      assertThat(lower).doesNotContain(email.toLowerCase(Locale.ROOT));
      assertThat(lower).doesNotContain("staff.person");
      assertThat(lower).doesNotContain(name.toLowerCase(Locale.ROOT));
      assertThat(lower).doesNotContain("staffperson");
    }
    assertThat(columns.get("email")).isInstanceOf(byte[].class);
    assertThat(columns.get("full_name")).isInstanceOf(byte[].class);
    assertThat(columns.get("email_index")).isEqualTo(seal.emailIndex(email));
    // Read back through the service, as the pages show them.
    LecternUser user = users.find(id).orElseThrow();
    assertThat(user.email()).isEqualTo(email);
    assertThat(user.fullName()).isEqualTo(name);
  }

  @Test
  void signInFindsTheAddressInAnyCaseAndWithSpacesAround() {
    String email = unique("Mixed.Case") + "@Example.ORG";
    UUID id = users.create(email, "Mixed Case", Fixtures.PASSWORD, false);
    String other = "  " + email.toUpperCase(Locale.ROOT) + " \t";

    assertThat(users.loadUserByUsername(other).id()).isEqualTo(id);
    var http = new Http(baseUrl());
    var token =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map("email", other, "password", Fixtures.PASSWORD, "name", "case"));
    assertThat(token.status()).isEqualTo(201);
    var wrong =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map("email", "x" + email, "password", Fixtures.PASSWORD, "name", "case"));
    assertThat(wrong.status()).isEqualTo(401);
    // The address is still taken in another case, as before.
    assertThatThrownBy(
            () -> users.create(email.toLowerCase(Locale.ROOT), "Again", Fixtures.PASSWORD, false))
        .isInstanceOf(org.lectern.shared.error.ConflictException.class);
  }

  /**
   * Two creations of one address at once: the second's look-up does not see the first's uncommitted
   * row, its insert waits on the unique blind index, and when the first commits it fails as it did
   * on the unique lower-cased address. One account.
   */
  @Test
  void twoCreationsOfOneAddressAtOnceGiveOneAccount() throws Exception {
    String email = unique("twice") + "@example.org";
    CountDownLatch inserted = new CountDownLatch(1);
    var first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.result(
                    () -> {
                      UUID id = users.create(email, "First", Fixtures.PASSWORD, false);
                      inserted.countDown();
                      Awaitility.await()
                          .atMost(Duration.ofSeconds(60))
                          .until(
                              () ->
                                  jdbc.sql(
                                              "select count(*) from pg_stat_activity where"
                                                  + " wait_event_type = 'Lock' and query like"
                                                  + " '%insert into app_user%'")
                                          .query(Integer.class)
                                          .single()
                                      > 0);
                      return id;
                    }));
    assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(
            () ->
                users.create(" " + email.toUpperCase(Locale.ROOT), "Second", "x".repeat(12), false))
        .isInstanceOf(DuplicateKeyException.class);
    UUID winner = first.get(60, TimeUnit.SECONDS);
    assertThat(
            jdbc.sql("select count(*) from app_user where email_index = :i")
                .param("i", seal.emailIndex(email))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(users.findByEmail(email).orElseThrow().id()).isEqualTo(winner);
  }

  /** The order PostgreSQL gave when it sorted the clear names: lower(name), then id. */
  List<UUID> sqlOrder(List<LecternUser> people) {
    var values = new StringBuilder();
    var params = new java.util.HashMap<String, Object>();
    for (int i = 0; i < people.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(:n")
          .append(i)
          .append(", :i")
          .append(i)
          .append(")");
      params.put("n" + i, people.get(i).fullName());
      params.put("i" + i, people.get(i).id());
    }
    return jdbc.sql("select id from (values " + values + ") v(name, id) order by lower(name), id")
        .params(params)
        .query(UUID.class)
        .list();
  }

  @Test
  void membersAndAccountsKeepTheirOrder() {
    var org =
        organisations.create(unique("order"), LocalizedText.of("en", "Order"), "https://x.org");
    List<LecternUser> people = new ArrayList<>();
    for (String name :
        List.of(
            "beta", "Alpha", "alpha", "ALPHA", "Zed", "zed", "Ämil", "amil", "Ольга", "олжас")) {
      UUID id = users.create(unique("o") + "@example.org", name, Fixtures.PASSWORD, false);
      users.grantOrganisationRole(org.id(), id, "MEMBER");
      people.add(users.find(id).orElseThrow());
    }
    List<UUID> expected = sqlOrder(people);

    assertThat(memberships.members(org.id()).stream().map(OrganisationMemberships.Member::userId))
        .containsExactlyElementsOf(expected);
    assertThat(accounts.accounts(List.of(org.id()), false, 100).stream().map(AccountRow::id))
        .containsExactlyElementsOf(expected);
    assertThat(accounts.accounts(List.of(org.id()), false, 3).stream().map(AccountRow::id))
        .containsExactlyElementsOf(expected.subList(0, 3));
  }

  /**
   * Issue 16: the organiser API reads the token's account on every call; the account's sealed
   * address and name are not opened unless the answer shows them (an exact count of openings).
   */
  @Test
  void anApiCallOpensNoAddressOrName() {
    String email = unique("api") + "@example.org";
    users.create(email, "Api Person", Fixtures.PASSWORD, false);
    var http = new Http(baseUrl());
    String token =
        http.postJson(
                "/api/v1/auth/tokens",
                Http.map("email", email, "password", Fixtures.PASSWORD, "name", "count"))
            .json()
            .get("token")
            .asString();

    long before = seal.opened();
    for (int i = 0; i < 20; i++) {
      assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).status())
          .isEqualTo(200);
    }
    assertThat(seal.opened() - before).isZero();
  }
}
