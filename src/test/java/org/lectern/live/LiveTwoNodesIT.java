package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.lectern.support.SecondNode;

/**
 * Two application nodes on one PostgreSQL: a question posted on node A reaches a stream opened on
 * node B (through LISTEN/NOTIFY), and the other way round.
 */
class LiveTwoNodesIT extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired LiveFixtures fx;

  int portB;

  @BeforeAll
  void startSecondNode() {
    portB = SecondNode.port();
  }

  @Test
  void aQuestionPostedOnOneNodeArrivesOnTheOther() throws Exception {
    var room = fx.running();
    String bearer = "Bearer " + room.token();
    String path = "/api/v1/sessions/" + room.sessionId() + "/live/";
    Http nodeA = new Http(baseUrl());
    Http onB = new Http("http://127.0.0.1:" + portB);
    try (SseClient onNodeB =
            new SseClient("http://127.0.0.1:" + portB + path + "events", "Authorization", bearer);
        SseClient onNodeA = new SseClient(baseUrl() + path + "events", "Authorization", bearer)) {
      assertThat(onNodeB.status).isEqualTo(200);
      assertThat(
              nodeA
                  .postJson(
                      path + "questions", Http.map("text", "asked on A"), "Authorization", bearer)
                  .status())
          .isEqualTo(201);
      List<SseClient.Event> got = onNodeB.take(1, Duration.ofSeconds(10));
      assertThat(got).hasSize(1);
      assertThat(got.get(0).data()).contains("asked on A");
      assertThat(
              onB.postJson(
                      path + "questions", Http.map("text", "asked on B"), "Authorization", bearer)
                  .status())
          .isEqualTo(201);
      List<SseClient.Event> onA = onNodeA.take(2, Duration.ofSeconds(10));
      assertThat(onA)
          .extracting(SseClient.Event::data)
          .satisfiesExactly(
              d -> assertThat(d).contains("asked on A"), d -> assertThat(d).contains("asked on B"));
      assertThat(onNodeB.take(1, Duration.ofSeconds(10)).get(0).data()).contains("asked on B");
    }
  }
}
