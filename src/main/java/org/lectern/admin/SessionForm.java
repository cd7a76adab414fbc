package org.lectern.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionSpeaker;
import org.lectern.session.SpeakerRole;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormData;

/**
 * The session form as typed. Start and end are wall-clock times in the programme's zone (what a
 * {@code datetime-local} input sends); they become instants only here, with that zone.
 */
public record SessionForm(
    Map<String, String> title,
    Map<String, String> summary,
    Map<String, String> venue,
    String startsAt,
    String endsAt,
    String mode,
    String roomCapacity,
    String language,
    List<String> interpretationLanguages,
    List<String> iccprArticles,
    String meetingProvider,
    String meetingUrl,
    List<SpeakerLine> speakers,
    boolean publish) {

  /** Rows of speaker and role offered at least; a few empty ones follow the filled ones. */
  static final int SPEAKER_ROWS = 4;

  static final int MAX_SPEAKER_ROWS = 50;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** One row of the speakers table, as typed. */
  public record SpeakerLine(String speakerId, String role) {}

  static SessionForm blank(String language) {
    return new SessionForm(
        Map.of(), Map.of(), Map.of(), "", "", "ONLINE", "", language, List.of(), List.of(), "", "",
        List.of(), false);
  }

  static SessionForm of(Session s, List<SessionSpeaker> people, ZoneId zone) {
    return new SessionForm(
        s.title().values(),
        s.summary().values(),
        s.venue().values(),
        LOCAL.format(s.startsAt().atZone(zone)),
        LOCAL.format(s.endsAt().atZone(zone)),
        s.mode().name(),
        s.roomCapacity() == null ? "" : s.roomCapacity().toString(),
        s.language() == null ? "" : s.language(),
        s.interpretationLanguages(),
        s.iccprArticles().stream().map(String::valueOf).toList(),
        s.meetingProvider() == null ? "" : s.meetingProvider().name(),
        s.meetingUrl() == null ? "" : s.meetingUrl(),
        people.stream()
            .map(p -> new SpeakerLine(p.speakerId().toString(), p.role().name()))
            .toList(),
        s.isPublished());
  }

  static SessionForm from(FormData f) {
    List<SpeakerLine> lines = new ArrayList<>();
    for (int i = 0; i < MAX_SPEAKER_ROWS; i++) {
      String id = f.get("speaker." + i);
      if (!id.isEmpty()) {
        lines.add(new SpeakerLine(id, f.get("role." + i)));
      }
    }
    return new SessionForm(
        f.text("title").values(),
        f.text("abstract").values(),
        f.text("venue").values(),
        f.get("startsAt"),
        f.get("endsAt"),
        f.get("mode"),
        f.get("roomCapacity"),
        f.get("language"),
        f.all("interpretationLanguages"),
        f.all("iccprArticles"),
        f.get("meetingProvider"),
        f.get("meetingUrl"),
        lines,
        f.checked("publish"));
  }

  /** The raw input for the domain's checks; what does not parse is added to problems. */
  SessionInput.Raw toRaw(ZoneId zone, InvalidInputException.Collector problems) {
    List<Integer> articles = new ArrayList<>();
    for (String a : iccprArticles) {
      if (a.matches("\\d{1,3}")) {
        articles.add(Integer.valueOf(a));
      } else if (!problems.has("iccprArticles")) {
        problems.add("iccprArticles", "session.iccpr.range");
      }
    }
    Integer capacity = null;
    if (!roomCapacity.isEmpty()) {
      if (roomCapacity.matches("-?\\d{1,9}")) {
        capacity = Integer.valueOf(roomCapacity);
      } else {
        problems.add("roomCapacity", "validation.integer");
      }
    }
    return new SessionInput.Raw(
        new LocalizedText(title),
        new LocalizedText(summary),
        instant("startsAt", startsAt, zone, problems),
        instant("endsAt", endsAt, zone, problems),
        mode,
        new LocalizedText(venue),
        capacity,
        language,
        interpretationLanguages,
        articles,
        meetingProvider,
        meetingUrl);
  }

  /**
   * The speakers in the order of the rows, ignoring rows without a speaker; a speaker twice in the
   * same role counts once. Only speakers in {@code allowed} may be chosen.
   */
  List<SessionSpeaker> people(Set<UUID> allowed, InvalidInputException.Collector problems) {
    Set<String> seen = new LinkedHashSet<>();
    List<SessionSpeaker> out = new ArrayList<>();
    for (SpeakerLine line : speakers) {
      UUID id = Ids.orNull(line.speakerId());
      SpeakerRole role = role(line.role());
      if (id == null || role == null || !allowed.contains(id)) {
        if (!problems.has("speakers")) {
          problems.add("speakers", "validation.choice");
        }
        continue;
      }
      if (seen.add(id + "/" + role)) {
        out.add(new SessionSpeaker(id, role, out.size()));
      }
    }
    return out;
  }

  private static SpeakerRole role(String r) {
    try {
      return SpeakerRole.valueOf(r);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads {@code 2021-02-09T10:00} (or with a space) as a time in the zone. */
  static Instant instant(
      String field, String value, ZoneId zone, InvalidInputException.Collector problems) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      problems.add(field, "validation.dateTime");
      return null;
    }
  }

  public String title(String lang) {
    return title.getOrDefault(lang, "");
  }

  public String summary(String lang) {
    return summary.getOrDefault(lang, "");
  }

  public String venue(String lang) {
    return venue.getOrDefault(lang, "");
  }

  public boolean interpretedIn(String lang) {
    return interpretationLanguages.contains(lang);
  }

  public boolean covers(int article) {
    return iccprArticles.contains(String.valueOf(article));
  }

  /** The filled rows plus empty ones, at least {@link #SPEAKER_ROWS}. */
  public List<SpeakerLine> speakerRows() {
    List<SpeakerLine> rows = new ArrayList<>(speakers);
    int empty = Math.max(2, SPEAKER_ROWS - rows.size());
    for (int i = 0; i < empty && rows.size() < MAX_SPEAKER_ROWS; i++) {
      rows.add(new SpeakerLine("", SpeakerRole.PRESENTER.name()));
    }
    return rows;
  }
}
