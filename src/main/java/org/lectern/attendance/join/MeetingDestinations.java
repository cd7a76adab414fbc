package org.lectern.attendance.join;

import java.util.Optional;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.session.MeetingProvider;
import org.lectern.session.Session;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Where a delegate's join link leads: the session's meeting URL (Zoom, Teams, Meet, any), a Jitsi
 * room with an unguessable name on the programme's server (embedded in Lectern's page when the
 * programme opted in), or a signed BigBlueButton join URL.
 */
@Component
record MeetingDestinations(PersonalDataCipher cipher) {

  /** Where to go: a URL to forward to, or a Jitsi room to embed. */
  record Destination(String url, boolean embed, String jitsiOrigin, String room) {}

  Optional<Destination> of(Session s, Registrant r, ProviderSettings settings) {
    MeetingProvider provider = s.meetingProvider();
    if (provider == MeetingProvider.JITSI && settings.hasJitsi()) {
      String room = jitsiRoom(s);
      String server = settings.jitsiServer().strip().replaceAll("/+$", "");
      return Optional.of(
          new Destination(
              server + "/" + room, settings.jitsiEmbed(), settings.jitsiOrigin(), room));
    }
    if (provider == MeetingProvider.BIGBLUEBUTTON && settings.hasBigBlueButton()) {
      var api =
          new BigBlueButtonApi(
              settings.bbbServer().strip(), settings.bbbSecret(), BigBlueButtonApi.Digest.SHA1);
      String url = api.joinUrl(meetingId(s), r.fullName(), attendeePassword(s), r.id().toString());
      return Optional.of(new Destination(url, false, null, null));
    }
    if (s.meetingUrl() == null || s.meetingUrl().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Destination(s.meetingUrl(), false, null, null));
  }

  /** Unguessable and stable: a keyed digest of the session id. */
  String jitsiRoom(Session s) {
    String d = cipher.blindIndex(s.id().toString(), "attendance.jitsiRoom");
    return "lectern-" + d.substring(d.length() - 24);
  }

  String meetingId(Session s) {
    return "lectern-" + s.id();
  }

  String attendeePassword(Session s) {
    String d = cipher.blindIndex(s.id().toString(), "attendance.bbbAttendee");
    return d.substring(d.length() - 16);
  }

  String moderatorPassword(Session s) {
    String d = cipher.blindIndex(s.id().toString(), "attendance.bbbModerator");
    return d.substring(d.length() - 16);
  }
}
