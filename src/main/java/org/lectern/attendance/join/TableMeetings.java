package org.lectern.attendance.join;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.lectern.session.MeetingProvider;
import org.lectern.session.Session;
import org.lectern.shared.error.ConflictException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Rooms for a live session's discussion tables at the session's own video provider: BigBlueButton
 * breakout rooms (created through its API as the documentation describes: {@code isBreakout},
 * {@code parentMeetingID} = the running parent's internal id, {@code sequence}), or one Jitsi room
 * per table. Used by the live room; the provider settings stay here.
 */
@NamedInterface("join")
@Component
public record TableMeetings(ProviderSettingsRepository settings, MeetingDestinations destinations) {

  /** Which provider hosts a session's tables, if any can. */
  public enum Host {
    BIGBLUEBUTTON,
    JITSI
  }

  /** One client for every call (thread-safe), as the singleton bean had. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The provider that can host this session's tables: the session's own, when configured. */
  public java.util.Optional<Host> host(Session s) {
    ProviderSettings p = settings.of(s.programmeId());
    if (s.meetingProvider() == MeetingProvider.BIGBLUEBUTTON && p.hasBigBlueButton()) {
      return java.util.Optional.of(Host.BIGBLUEBUTTON);
    }
    if (s.meetingProvider() == MeetingProvider.JITSI && p.hasJitsi()) {
      return java.util.Optional.of(Host.JITSI);
    }
    return java.util.Optional.empty();
  }

  /**
   * Creates the session's meeting (idempotent) and one breakout room per table, each lasting the
   * round's minutes. Refuses ({@code live.tables.providerFailed}) when the server says no.
   */
  public void openBreakouts(Session s, String title, String tableLabel, int tables, int minutes) {
    BigBlueButtonApi api = api(s);
    Map<String, String> parent = new LinkedHashMap<>();
    parent.put("name", title);
    parent.put("meetingID", destinations.meetingId(s));
    parent.put("attendeePW", destinations.attendeePassword(s));
    parent.put("moderatorPW", destinations.moderatorPassword(s));
    Document created = call(api.url("create", parent));
    String internal = text(created, "internalMeetingID");
    if (internal == null || internal.isBlank()) {
      throw new ConflictException("live.tables.providerFailed");
    }
    for (int n = 1; n <= tables; n++) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("name", title + " · " + tableLabel.replace("{0}", Integer.toString(n)));
      p.put("meetingID", breakoutId(s, n));
      p.put("attendeePW", destinations.attendeePassword(s));
      p.put("moderatorPW", destinations.moderatorPassword(s));
      p.put("isBreakout", "true");
      p.put("parentMeetingID", internal);
      p.put("sequence", Integer.toString(n));
      p.put("freeJoin", "false");
      p.put("breakoutRoomsRecord", "false");
      p.put("record", "false");
      p.put("duration", Integer.toString(minutes + 30));
      call(api.url("create", p));
    }
  }

  /** The delegate's own signed join link into the breakout room of their table. */
  public String breakoutJoinUrl(Session s, int table, String fullName, UUID userId) {
    return api(s)
        .joinUrl(
            breakoutId(s, table), fullName, destinations.attendeePassword(s), userId.toString());
  }

  /** Ends the breakout rooms; a room already gone is fine. */
  public void endBreakouts(Session s, int tables) {
    BigBlueButtonApi api = api(s);
    for (int n = 1; n <= tables; n++) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("meetingID", breakoutId(s, n));
      p.put("password", destinations.moderatorPassword(s));
      try {
        call(api.url("end", p));
      } catch (ConflictException gone) {
        // notFound: nobody joined, or it ended by its duration
      }
    }
  }

  /** A Jitsi room per table: the session's unguessable room name with the table's number. */
  public String jitsiUrl(Session s, int table) {
    String server = settings.of(s.programmeId()).jitsiServer().strip().replaceAll("/+$", "");
    return server + "/" + destinations.jitsiRoom(s) + "-table-" + table;
  }

  String breakoutId(Session s, int table) {
    return destinations.meetingId(s) + "-table-" + table;
  }

  private BigBlueButtonApi api(Session s) {
    ProviderSettings p = settings.of(s.programmeId());
    return new BigBlueButtonApi(p.bbbServer().strip(), p.bbbSecret(), BigBlueButtonApi.Digest.SHA1);
  }

  private Document call(String url) {
    try {
      HttpResponse<byte[]> res =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      Document doc = parse(res.body());
      if (!"SUCCESS".equals(text(doc, "returncode"))) {
        throw new ConflictException("live.tables.providerFailed");
      }
      return doc;
    } catch (java.io.IOException e) {
      throw new ConflictException("live.tables.providerFailed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("live.tables.providerFailed");
    }
  }

  /** The server's XML, without DTDs or external entities. */
  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new ConflictException("live.tables.providerFailed");
    }
  }

  static String text(Document doc, String element) {
    var nodes = doc.getElementsByTagName(element);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }
}
