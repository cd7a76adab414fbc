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
 * A claim of the free-seat stock reads a bounded number of buffers however many seats were claimed
 * before it without a vacuum (issue 16, twelfth pass). Each claim deletes its seats; their index
 * entries stay until a vacuum, and a claim that scans the programme's range from its start reads
 * them all again — 30,000 claimed seats meant more than a hundred buffers per claim. The claim
 * starts at the stock's window (V202612160400) and passes at most the seats claimed since the last
 * count. Counted from {@code EXPLAIN (ANALYZE, BUFFERS)}, never timed.
 */
class FreeSeatClaimBuffersIT extends IntegrationTest {

  private static final int BATCH = 16;
  private static final int ROUNDS = 60;
  private static final int CLAIMED_PER_ROUND = FreeSeats.STOCK - 10;
  private static final long MAX_BUFFERS = 60;

  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;
  @Autowired FreeSeats freeSeats;

  @Test
  void aClaimAfterThirtyThousandClaimedSeatsReadsAsFewBuffersAsTheFirst() {
    var fx = new Fixtures(jdbc, users, tokens);
    UUID org = fx.organisation();
    UUID programme = fx.programme(org, 10_000_000, false, false);
    // No vacuum may remove the dead entries while the situation is built and explained.
    jdbc.sql("alter table programme_free_seat set (autovacuum_enabled = false)").update();
    try {
      var noOne = new RegistrationRepository.Seats(0, false);
      for (int round = 0; round < ROUNDS; round++) {
        freeSeats.recount(programme, 10_000_000, noOne);
        // Claimed, each of its own commit, the lowest first — as claims take them.
        jdbc.sql(
                """
                delete from programme_free_seat where programme_id = :p and seat in (
                  select seat from programme_free_seat where programme_id = :p
                  order by seat limit :n)
                """)
            .param("p", programme)
            .param("n", CLAIMED_PER_ROUND)
            .update();
      }
      freeSeats.recount(programme, 10_000_000, noOne);
      assertThat(
              jdbc.sql("select count(*) from programme_free_seat where programme_id = :p")
                  .param("p", programme)
                  .query(Integer.class)
                  .single())
          .as("the stock after the recount")
          .isEqualTo(FreeSeats.STOCK);

      long[] claim = explainClaim(programme);
      System.out.printf(
          "FreeSeatClaimBuffersIT: a claim of %d seats read %d buffers after %d claimed%n",
          claim[1], claim[0], ROUNDS * CLAIMED_PER_ROUND);
      assertThat(claim[1]).as("seats the claim took").isEqualTo(BATCH);
      assertThat(claim[0])
          .as(
              "buffers read by a claim after %d seats were claimed without a vacuum",
              ROUNDS * CLAIMED_PER_ROUND)
          .isLessThanOrEqualTo(MAX_BUFFERS);
    } finally {
      jdbc.sql("alter table programme_free_seat reset (autovacuum_enabled)").update();
    }
  }

  /** The group statement's claim, explained in a transaction rolled back: {buffers, seats}. */
  private long[] explainClaim(UUID programme) {
    return transactions.execute(
        status -> {
          status.setRollbackOnly();
          var shared = freeSeats.shareWhole(programme, null).orElseThrow().shared();
          assertThat(shared.counted()).as("the stock is counted").isTrue();
          String text =
              jdbc.sql("explain (analyze, buffers, format json) " + GroupStatement.TEXT)
                  .params(batch(programme))
                  .param("p", programme)
                  .param("claim", true)
                  .param("first", shared.firstSeat())
                  .query(String.class)
                  .single();
          JsonNode chosen = cte(json.readTree(text).get(0).get("Plan"), "CTE chosen");
          assertThat(chosen).as("the claim's node in %s", text).isNotNull();
          return new long[] {
            chosen.path("Shared Hit Blocks").asLong() + chosen.path("Shared Read Blocks").asLong(),
            chosen.path("Actual Rows").asLong()
          };
        });
  }

  private static JsonNode cte(JsonNode node, String name) {
    if (name.equals(node.path("Subplan Name").asString(""))) {
      return node;
    }
    for (JsonNode child : node.path("Plans")) {
      JsonNode found = cte(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
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
