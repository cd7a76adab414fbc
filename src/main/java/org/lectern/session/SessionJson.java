package org.lectern.session;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A session as the API shows it; the meeting is shown only to the programme's organisers. */
public record SessionJson(
    String id,
    String programmeId,
    String title,
    Map<String, String> titles,
    @com.fasterxml.jackson.annotation.JsonProperty("abstract") String summary,
    Map<String, String> abstracts,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    String timeZone,
    String mode,
    String language,
    List<String> interpretationLanguages,
    List<Integer> iccprArticles,
    Integer roomCapacity,
    Map<String, String> venue,
    Meeting meeting,
    List<SpeakerJson> speakers,
    String status,
    int sequence,
    String url) {

  /** The video meeting of the session. */
  public record Meeting(String provider, String url) {}

  /** A speaker in a role. */
  public record SpeakerJson(String speakerId, String role) {}

  static SessionJson of(
      Session s,
      ZoneId zone,
      String mainLanguage,
      boolean showMeeting,
      List<SessionSpeaker> speakers,
      String baseUrl) {
    return new SessionJson(
        s.id().toString(),
        s.programmeId().toString(),
        s.title().in(mainLanguage, List.of()),
        s.title().values(),
        s.summary().in(mainLanguage, List.of()),
        s.summary().values(),
        s.startsAt().atZone(zone).toOffsetDateTime(),
        s.endsAt().atZone(zone).toOffsetDateTime(),
        zone.getId(),
        s.mode().name(),
        s.language(),
        s.interpretationLanguages(),
        s.iccprArticles(),
        s.roomCapacity(),
        s.venue().values(),
        showMeeting && s.meetingProvider() != null
            ? new Meeting(s.meetingProvider().name(), s.meetingUrl())
            : null,
        speakers.stream()
            .map(sp -> new SpeakerJson(sp.speakerId().toString(), sp.role().name()))
            .toList(),
        s.status().name(),
        s.sequence(),
        baseUrl + "/sessions/" + s.id());
  }
}
