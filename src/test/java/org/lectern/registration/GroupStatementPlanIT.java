package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.UserService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The group statement finds the addresses already on a programme by probing for each entry, even
 * when PostgreSQL's statistics know nothing of the programme — the moment that matters: a programme
 * announced since the last ANALYZE, filling by thousands (issue 16, eleventh pass). With the
 * programme as a constant, the planner read all of the programme's registrations for every batch
 * and compared each entry with each of them.
 */
class GroupStatementPlanIT extends IntegrationTest {

  private static final int BATCH = 16;

  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;

  @Test
  void aProgrammeTheStatisticsDoNotKnowIsCheckedEntryByEntry() {
    var fx = new Fixtures(jdbc, users, tokens);
    UUID org = fx.organisation();
    UUID known = fx.programme(org, null, false, false);
    UUID fresh = fx.programme(org, null, false, false);
    fill(known, 3_000);
    jdbc.sql("analyze registration").update();
    // Registered since the ANALYZE: in the statistics the programme has no registration at all.
    fill(fresh, 3_000);

    JsonNode plan =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              String text =
                  jdbc.sql("explain (analyze, format json) " + GroupStatement.TEXT)
                      .params(batch(fresh))
                      .param("p", fresh)
                      .param("claim", false)
                      .param("first", 0)
                      .query(String.class)
                      .single();
              return json.readTree(text).get(0).get("Plan");
            });

    List<String> reads = new ArrayList<>();
    long rowsRead = rowsRead(plan, reads);
    assertThat(reads).as("the reads of registration").isNotEmpty();
    assertThat(rowsRead)
        .as("rows of registration read to find the %d entries' addresses: %s", BATCH, reads)
        .isLessThanOrEqualTo(BATCH);
    assertThat(
            jdbc.sql("select count(*) from registration where programme_id = :p")
                .param("p", fresh)
                .query(Integer.class)
                .single())
        .as("explained in a transaction rolled back")
        .isEqualTo(3_000);
  }

  /**
   * The insert names its conflict, the pair (programme, address): PostgreSQL then checks that index
   * alone before inserting, not also the primary key of an id drawn at random (issue 16, thirteenth
   * pass).
   */
  @Test
  void theInsertChecksOnlyTheAddressPairBeforeInserting() {
    var fx = new Fixtures(jdbc, users, tokens);
    UUID programme = fx.programme(fx.organisation(), null, false, false);
    JsonNode plan =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              String text =
                  jdbc.sql("explain (format json) " + GroupStatement.TEXT)
                      .params(batch(programme))
                      .param("p", programme)
                      .param("claim", true)
                      .param("first", 0)
                      .query(String.class)
                      .single();
              return json.readTree(text).get(0).get("Plan");
            });
    List<String> arbiters = new ArrayList<>();
    arbiters(plan, arbiters);
    assertThat(arbiters).containsExactly("registration_programme_id_email_index_key");
  }

  /**
   * No index of the address alone (V202612170200): the blind index is the programme's own, every
   * look-up by address names the programme, and the unique pair serves it.
   */
  @Test
  void aLookUpByAddressUsesTheUniquePair() {
    List<String> indexes =
        jdbc.sql(
                "select pg_get_indexdef(indexrelid) from pg_index"
                    + " where indrelid = 'registration'::regclass")
            .query(String.class)
            .list();
    assertThat(indexes).noneMatch(d -> d.endsWith("(email_index)"));
    var fx = new Fixtures(jdbc, users, tokens);
    UUID programme = fx.programme(fx.organisation(), null, false, false);
    String plan =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              fill(programme, 2_000);
              jdbc.sql("analyze registration").update();
              return String.join(
                  "\n",
                  jdbc.sql(
                          "explain select id from registration"
                              + " where (programme_id, email_index) in ((:p, :e), (:p, :f))")
                      .param("p", programme)
                      .param("e", "a")
                      .param("f", "b")
                      .query(String.class)
                      .list());
            });
    assertThat(plan).contains("registration_programme_id_email_index_key");
  }

  private static void arbiters(JsonNode node, List<String> out) {
    if ("registration".equals(node.path("Relation Name").asString(""))
        && node.has("Conflict Arbiter Indexes")) {
      for (JsonNode i : node.get("Conflict Arbiter Indexes")) {
        out.add(i.asString());
      }
    }
    for (JsonNode child : node.path("Plans")) {
      arbiters(child, out);
    }
  }

  /** Rows the plan's scans of {@code registration} returned, all loops counted. */
  private static long rowsRead(JsonNode node, List<String> reads) {
    long rows = 0;
    String type = node.path("Node Type").asString("");
    if ("registration".equals(node.path("Relation Name").asString(""))
        && (type.endsWith("Scan") || type.equals("Bitmap Heap Scan"))) {
      long n = node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong();
      reads.add(type + " " + node.path("Index Name").asString("") + ": " + n);
      rows += n;
    }
    for (JsonNode child : node.path("Plans")) {
      rows += rowsRead(child, reads);
    }
    return rows;
  }

  private void fill(UUID programme, int n) {
    jdbc.sql(
            """
            insert into registration (id, programme_id, status, email_index, email, full_name,
              language, consent_language, created_at, updated_at)
            select gen_random_uuid(), :p, 'CONFIRMED', md5(random()::text) || md5(random()::text),
              '\\x01', '\\x01', 'ru', 'ru', now(), now()
            from generate_series(1, :n)
            """)
        .param("p", programme)
        .param("n", n)
        .update();
  }

  /** The statement's array parameters for {@link #BATCH} new addresses of the programme. */
  private static Map<String, Object> batch(UUID programme) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", UUID.randomUUID());
      row.put("p", programme);
      row.put("status", "CONFIRMED");
      row.put("ei", HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()));
      row.put("email", new byte[] {1});
      row.put("name", new byte[] {1});
      row.put("lang", "ru");
      row.put("consentLang", "ru");
      row.put("created", java.sql.Timestamp.from(Instant.now()));
      row.put("updated", java.sql.Timestamp.from(Instant.now()));
      rows.add(row);
    }
    Map<String, Object> params = new HashMap<>();
    for (InsertColumn c : InsertColumn.ALL) {
      params.put("a_" + c.param(), c.column(rows));
    }
    return params;
  }
}
