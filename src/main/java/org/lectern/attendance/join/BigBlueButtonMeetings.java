package org.lectern.attendance.join;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.lectern.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure a session's BigBlueButton meeting exists before someone joins: "create" is idempotent
 * for a meeting that is already running, so it is simply called each time.
 */
@Component
record BigBlueButtonMeetings(MeetingDestinations destinations) {

  private static final Logger log = LoggerFactory.getLogger(BigBlueButtonMeetings.class);

  /** One client for every call (thread-safe), as the singleton bean had. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  void ensureCreated(Session s, String title, ProviderSettings settings) {
    var api =
        new BigBlueButtonApi(
            settings.bbbServer().strip(), settings.bbbSecret(), BigBlueButtonApi.Digest.SHA1);
    String url =
        api.createUrl(
            destinations.meetingId(s),
            title,
            destinations.attendeePassword(s),
            destinations.moderatorPassword(s));
    try {
      var res =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (!res.body().contains("<returncode>SUCCESS</returncode>")) {
        log.warn("BigBlueButton create for session {} answered {}", s.id(), res.statusCode());
      }
    } catch (java.io.IOException e) {
      log.warn("BigBlueButton server unreachable for session {}: {}", s.id(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
