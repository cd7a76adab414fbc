package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit on two nodes at once (ADR 0004, amendment "group commit"): each node registers the
 * organiser registrations arriving together in batches of its own, and the database decides between
 * the two nodes' batches — never above capacity, the waitlist's places unique and without gaps.
 */
class GroupEnrolmentTwoNodesIT extends OrganisationIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();

  @Autowired GroupEnrolment group;

  String baseB;

  @BeforeAll
  void secondNode() {
    baseB = SecondNode.baseUrl();
  }

  private HttpResponse<String> post(String base, String token, UUID p, String email)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/programmes/" + p + "/registrations"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"fullName\":\"Делегат\",\"language\":\"ru\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bothNodesRegisteringTogetherNeverExceedCapacityAndKeepTheWaitlistWhole() throws Exception {
    int capacity = 20;
    int perNode = 50;
    UUID p = fx.programme(org, capacity, true, false);
    // One organiser per node, so that neither meets the per-user limit (shared by the nodes).
    String tokenA = fx.token(organiser);
    String tokenB = fx.token(fx.organiser(org));
    // The first registration counts the stock, so that the batches claim seats from it.
    assertThat(post(baseUrl(), tokenA, p, "first-" + p + "@example.kz").statusCode())
        .isEqualTo(201);

    ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < perNode; i++) {
        for (String node : List.of("a", "b")) {
          String base = node.equals("a") ? baseUrl() : baseB;
          String token = node.equals("a") ? tokenA : tokenB;
          String email = node + i + "-" + p + "@example.kz";
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return post(base, token, p, email);
                  }));
        }
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      List<Integer> places = new ArrayList<>();
      int confirmed = 1;
      for (var f : futures) {
        var r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        ids.add(body.get("id").asString());
        if (body.get("status").asString().equals("CONFIRMED")) {
          confirmed++;
        } else {
          assertThat(body.get("status").asString()).isEqualTo("WAITLISTED");
          places.add(body.get("waitlistPosition").asInt());
        }
      }
      int total = 2 * perNode + 1;
      assertThat(ids).doesNotHaveDuplicates().hasSize(2 * perNode);
      // Exactly the capacity confirmed, as the answers said and as stored.
      assertThat(confirmed).isEqualTo(capacity);
      assertThat(fx.count(p, "CONFIRMED")).isEqualTo(capacity);
      assertThat(fx.count(p, "WAITLISTED")).isEqualTo(total - capacity);
      assertThat(fx.count(p)).isEqualTo(total);
      // Nobody left the waitlist: the places answered are 1..n, each once.
      assertThat(places)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(1, total - capacity).boxed().toList());
      assertThat(
              jdbc.sql(
                      "select waitlist_seq from registration where programme_id = :p"
                          + " and status = 'WAITLISTED'")
                  .param("p", p)
                  .query(Long.class)
                  .list())
          .doesNotHaveDuplicates()
          .doesNotContainNull()
          .hasSize(total - capacity);
      assertThat(
              jdbc.sql("select count(*) from programme_free_seat where programme_id = :p")
                  .param("p", p)
                  .query(Integer.class)
                  .single())
          .isZero();
      // Everyone answered: no node keeps the programme's lane.
      assertThat(group.hasLane(p)).isFalse();
      assertThat(SecondNode.get().getBean(GroupEnrolment.class).hasLane(p)).isFalse();
      // Registered together: a batch's rows share their creation time.
      assertThat(
              jdbc.sql(
                      "select count(*) from (select created_at from registration"
                          + " where programme_id = :p group by created_at having count(*) > 1) t")
                  .param("p", p)
                  .query(Integer.class)
                  .single())
          .isPositive();
    } finally {
      pool.shutdown();
    }
  }
}
