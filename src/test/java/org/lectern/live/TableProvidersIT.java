package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.join.BigBlueButtonApi;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.error.ConflictException;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tables at the session's provider. BigBlueButton is a third-party system: a stub on 127.0.0.1
 * answers with the XML its API documentation shows for {@code create} and {@code end}; the test
 * checks what Lectern asks (parent meeting first, then one breakout per table with isBreakout,
 * parentMeetingID = the parent's internalMeetingID, sequence, correct checksums), each delegate's
 * personal join link into their table's breakout, ending them on close, and that a refusal by the
 * server opens nothing. Jitsi: a room per table.
 */
class TableProvidersIT extends IntegrationTest {

  static final String SECRET = "8cd8ef52e8e101574e400365b55e11a6";
  static final String INTERNAL = "183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1531240585189";

  @Autowired LiveFixtures fx;
  @Autowired LiveAccess access;
  @Autowired TableService desk;
  @Autowired TableTalk talk;
  @Autowired TableRooms rooms;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataCipher cipher;

  HttpServer bbb;
  final List<URI> calls = new CopyOnWriteArrayList<>();
  volatile boolean refuse;

  /** The documented response of a successful create (API reference, "create"). */
  static String created(String meetingId) {
    return """
        <response>
          <returncode>SUCCESS</returncode>
          <meetingID>%s</meetingID>
          <internalMeetingID>%s</internalMeetingID>
          <parentMeetingID>bbb-none</parentMeetingID>
          <attendeePW>ap</attendeePW>
          <moderatorPW>mp</moderatorPW>
          <createTime>1531240585189</createTime>
          <voiceBridge>70066</voiceBridge>
          <dialNumber>613-555-1234</dialNumber>
          <createDate>Tue Jul 10 16:36:25 UTC 2018</createDate>
          <hasUserJoined>false</hasUserJoined>
          <duration>0</duration>
          <hasBeenForciblyEnded>false</hasBeenForciblyEnded>
          <messageKey></messageKey>
          <message></message>
        </response>
        """
        .formatted(meetingId, INTERNAL);
  }

  static final String ENDED =
      """
      <response>
        <returncode>SUCCESS</returncode>
        <messageKey>sentEndMeetingRequest</messageKey>
        <message>A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.</message>
      </response>
      """;

  static final String REFUSED =
      """
      <response>
        <returncode>FAILED</returncode>
        <messageKey>checksumError</messageKey>
        <message>You did not pass the checksum security check</message>
      </response>
      """;

  @BeforeEach
  void stub() throws Exception {
    calls.clear();
    refuse = false;
    bbb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bbb.createContext(
        "/bigbluebutton/api/",
        ex -> {
          calls.add(ex.getRequestURI());
          String call = ex.getRequestURI().getPath().replaceAll(".*/", "");
          Map<String, String> q = query(ex.getRequestURI());
          String body = refuse ? REFUSED : call.equals("end") ? ENDED : created(q.get("meetingID"));
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/xml;charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    bbb.start();
  }

  @AfterEach
  void stop() {
    bbb.stop(0);
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : uri.getRawQuery().split("&")) {
      int eq = kv.indexOf('=');
      m.put(
          URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  /** The checksum as the documentation defines it: sha1(call + query without checksum + secret). */
  static boolean signed(URI uri) {
    String call = uri.getPath().replaceAll(".*/", "");
    String raw = uri.getRawQuery();
    String query = raw.substring(0, raw.lastIndexOf("&checksum="));
    String sum = raw.substring(raw.lastIndexOf("&checksum=") + 10);
    return new BigBlueButtonApi("http://x/bigbluebutton", SECRET, BigBlueButtonApi.Digest.SHA1)
        .checksum(call, query)
        .equals(sum);
  }

  void provider(LiveFixtures.Room room, String kind) {
    jdbc.sql("update session set meeting_provider = :k where id = :s")
        .param("k", kind)
        .param("s", room.sessionId())
        .update();
    jdbc.sql(
            """
            insert into attendance_provider (programme_id, jitsi_server, bbb_server, bbb_secret, updated_at)
            values (:p, 'https://meet.example.org/', :b, :sec, :at)
            """)
        .param("p", room.programmeId())
        .param("b", "http://127.0.0.1:" + bbb.getAddress().getPort() + "/bigbluebutton/")
        .param("sec", cipher.encrypt(SECRET, "attendance.bbbSecret"))
        .param("at", Timestamp.from(Instant.now()))
        .update();
  }

  Viewer join(LiveFixtures.Room r, String name) {
    Viewer outsider = access.viewer(r.sessionId(), null, null, Optional.empty());
    String pass = access.join(outsider, fx.joinKey(r), name, Optional.empty());
    return access.viewer(r.sessionId(), null, pass, Optional.empty());
  }

  static TablesForm form(TableProvider p) {
    return new TablesForm(
        15, 2, TableRound.Grouping.RANDOM, TableRound.Mixing.MIXED, p, "Q", List.of());
  }

  @Test
  void bigBlueButtonBreakoutRoomsPerTableWithPersonalLinks() {
    var room = fx.running();
    provider(room, "BIGBLUEBUTTON");
    Viewer a = join(room, "Aliya");
    join(room, "Bolat");
    join(room, "Dana");
    desk.open(fx.organiser(room), form(TableProvider.BIGBLUEBUTTON));

    assertThat(calls).hasSize(3).allMatch(TableProvidersIT::signed);
    Map<String, String> parent = query(calls.get(0));
    assertThat(parent).containsEntry("meetingID", "lectern-" + room.sessionId());
    assertThat(parent).doesNotContainKey("isBreakout");
    for (int n = 1; n <= 2; n++) {
      Map<String, String> q = query(calls.get(n));
      assertThat(q)
          .containsEntry("isBreakout", "true")
          .containsEntry("parentMeetingID", INTERNAL)
          .containsEntry("sequence", Integer.toString(n))
          .containsEntry("meetingID", "lectern-" + room.sessionId() + "-table-" + n)
          .containsEntry("record", "false");
    }

    var place = talk.place(a).orElseThrow();
    URI link = URI.create(rooms.link(a, place.round(), place.table().number()).orElseThrow());
    assertThat(link.getPath()).endsWith("/bigbluebutton/api/join");
    assertThat(signed(link)).isTrue();
    assertThat(query(link))
        .containsEntry(
            "meetingID", "lectern-" + room.sessionId() + "-table-" + place.table().number())
        .containsEntry("fullName", "Aliya")
        .containsEntry("userID", a.participant().id().toString());

    desk.close(fx.organiser(room));
    List<URI> ends = calls.stream().filter(u -> u.getPath().endsWith("/end")).toList();
    assertThat(ends).hasSize(2).allMatch(TableProvidersIT::signed);
  }

  @Test
  void aRefusingServerOpensNothing() {
    var room = fx.running();
    provider(room, "BIGBLUEBUTTON");
    join(room, "Aliya");
    refuse = true;
    assertThatThrownBy(() -> desk.open(fx.organiser(room), form(TableProvider.BIGBLUEBUTTON)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("live.tables.providerFailed");
    assertThat(
            jdbc.sql("select count(*) from live_table_round where session_id = :s")
                .param("s", room.sessionId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void jitsiGivesEveryTableItsOwnRoomAndLecternIsAlwaysOffered() {
    var room = fx.running();
    provider(room, "JITSI");
    Viewer a = join(room, "Aliya");
    join(room, "Bolat");
    join(room, "Dana");
    assertThatThrownBy(() -> desk.open(fx.organiser(room), form(TableProvider.BIGBLUEBUTTON)))
        .isInstanceOf(org.lectern.shared.error.InvalidInputException.class);
    desk.open(fx.organiser(room), form(TableProvider.JITSI));
    var place = talk.place(a).orElseThrow();
    assertThat(rooms.link(a, place.round(), place.table().number()).orElseThrow())
        .startsWith("https://meet.example.org/lectern-")
        .endsWith("-table-" + place.table().number());
    assertThat(calls).isEmpty();
  }
}
