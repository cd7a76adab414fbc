package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;

/**
 * The stream over real HTTP: a client that disconnects and comes back with Last-Event-ID gets
 * exactly the events it missed, none twice; forged ids start from the beginning, never crash.
 */
class LiveStreamIT extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired LiveFixtures fx;

  String stream(LiveFixtures.Room r) {
    return baseUrl() + "/api/v1/sessions/" + r.sessionId() + "/live/events";
  }

  void ask(Http http, LiveFixtures.Room r, String text) {
    var res =
        http.postJson(
            "/api/v1/sessions/" + r.sessionId() + "/live/questions",
            Http.map("text", text),
            "Authorization",
            "Bearer " + r.token());
    assertThat(res.status()).isEqualTo(201);
  }

  @Test
  void aReconnectingClientGetsExactlyWhatItMissed() throws Exception {
    var room = fx.running();
    Http http = new Http(baseUrl());
    String bearer = "Bearer " + room.token();
    long last;
    try (SseClient first = new SseClient(stream(room), "Authorization", bearer)) {
      assertThat(first.status).isEqualTo(200);
      assertThat(first.contentType).startsWith("text/event-stream");
      ask(http, room, "one");
      ask(http, room, "two");
      List<SseClient.Event> seen = first.take(2, Duration.ofSeconds(10));
      assertThat(seen)
          .extracting(SseClient.Event::type)
          .containsExactly("question.asked", "question.asked");
      assertThat(seen.get(0).data()).contains("\"one\"");
      assertThat(seen.get(1).data()).contains("\"two\"");
      last = seen.get(1).id();
    }
    // while disconnected
    ask(http, room, "three");
    ask(http, room, "four");
    ask(http, room, "five");
    try (SseClient again =
        new SseClient(
            stream(room), "Authorization", bearer, "Last-Event-ID", Long.toString(last))) {
      List<SseClient.Event> missed = again.take(3, Duration.ofSeconds(10));
      assertThat(missed)
          .extracting(SseClient.Event::data)
          .satisfiesExactly(
              d -> assertThat(d).contains("\"three\""),
              d -> assertThat(d).contains("\"four\""),
              d -> assertThat(d).contains("\"five\""));
      assertThat(missed)
          .extracting(SseClient.Event::id)
          .doesNotHaveDuplicates()
          .allMatch(id -> id > last);
      ask(http, room, "six");
      List<SseClient.Event> more = again.take(1, Duration.ofSeconds(10));
      assertThat(more).hasSize(1);
      assertThat(more.get(0).data()).contains("\"six\"");
      assertThat(again.drain(Duration.ofMillis(700))).isEmpty();
    }
  }

  @Test
  void forgedOrOutOfRangeIdsStartFromTheBeginning() throws Exception {
    var room = fx.running();
    Http http = new Http(baseUrl());
    ask(http, room, "alpha");
    ask(http, room, "beta");
    String bearer = "Bearer " + room.token();
    for (String forged :
        new String[] {"not-a-number", "-5", "999999999999", "1e9", "12345678901234567890123"}) {
      try (SseClient c =
          new SseClient(stream(room), "Authorization", bearer, "Last-Event-ID", forged)) {
        assertThat(c.status).as(forged).isEqualTo(200);
        List<SseClient.Event> all = c.take(2, Duration.ofSeconds(10));
        assertThat(all)
            .as(forged)
            .extracting(SseClient.Event::data)
            .satisfiesExactly(
                d -> assertThat(d).contains("alpha"), d -> assertThat(d).contains("beta"));
      }
    }
  }

  @Test
  void outsidersGetNoStream() throws Exception {
    var room = fx.running();
    try (SseClient c = new SseClient(stream(room))) {
      assertThat(c.status).isEqualTo(403);
    }
    try (SseClient c = new SseClient(stream(room), "Live-Pass", "forged")) {
      assertThat(c.status).isEqualTo(403);
    }
    try (SseClient c =
        new SseClient(baseUrl() + "/sessions/" + room.sessionId() + "/live/events")) {
      assertThat(c.status).isEqualTo(403);
    }
  }
}
