package org.lectern.session;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePrivacy;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Calendar files for delegates: the feed of My trainings (delegate) and the file attached to
 * registration mails (notification). UIDs equal the public catalogue's, so a client that imported
 * both keeps one event. With neutral wording (ProgrammePrivacy) the title is "Training session",
 * the description and address only a link to "My trainings", there is no location (a venue's name
 * may say what the training is about), the UID names nothing, and the file name says nothing. Files
 * for delegates never name the product.
 */
@Component
public record TrainingCalendar(
    ProgrammeService programmes,
    SessionService sessions,
    ProgrammePrivacy privacy,
    MessageSource messages,
    @Value("${lectern.base-url}") String baseUrl) {

  /** A programme with its published sessions, in time order, as a calendar shows them. */
  public record Listing(Programme programme, List<Session> sessions, boolean neutral) {

    public Listing {
      sessions = List.copyOf(sessions);
    }

    /** The file name of a single programme's calendar: it says nothing with neutral wording. */
    public String fileName() {
      return neutral ? "training.ics" : programme.slug() + ".ics";
    }
  }

  /** One calendar with all published sessions of these programmes, for a delegate's feed. */
  public String ofProgrammes(List<UUID> programmeIds, String lang) {
    return write(programmeIds.stream().map(this::listing).toList(), lang);
  }

  /** The calendar of one programme. */
  public String of(Listing programme, String lang) {
    return write(List.of(programme), lang);
  }

  private Listing listing(UUID programmeId) {
    var programme =
        programmes.find(programmeId).orElseThrow(() -> new NotFoundException("programme.notFound"));
    var published =
        sessions.publishedOfProgramme(programmeId).stream()
            .sorted(Comparator.comparing(Session::startsAt))
            .toList();
    return new Listing(programme, published, privacy.neutralWording(programmeId));
  }

  private String write(List<Listing> listings, String lang) {
    boolean single = listings.size() == 1;
    String calendarName =
        single && !listings.get(0).neutral()
            ? listings.get(0).programme().title(lang)
            : t(lang, "session.calendar.name");
    return CalendarFiles.write(
        CalendarFiles.NEUTRAL_PRODUCT,
        calendarName,
        listings.stream().flatMap(p -> p.sessions().stream().map(s -> entry(p, s, lang))).toList());
  }

  private CalendarEntry entry(Listing p, Session s, String lang) {
    String my = baseUrl + "/my";
    if (p.neutral()) {
      return new CalendarEntry(
          s.id().toString(),
          s.sequence(),
          s.startsAt(),
          s.endsAt(),
          s.updatedAt(),
          t(lang, "session.calendar.neutralSession"),
          my,
          null,
          my,
          false);
    }
    String url = baseUrl + "/sessions/" + s.id();
    String venue = s.mode().hasRoom() ? s.venue().in(lang, p.programme().languages()) : "";
    return new CalendarEntry(
        s.id() + "@lectern",
        s.sequence(),
        s.startsAt(),
        s.endsAt(),
        s.updatedAt(),
        s.title().in(lang, p.programme().languages()),
        p.programme().title(lang) + "\n" + url,
        venue.isBlank() ? (s.mode().isOnline() ? url : null) : venue,
        url,
        false);
  }

  private String t(String lang, String key) {
    return messages.getMessage(key, null, Language.fromCode(lang).orElse(Language.EN).locale());
  }
}
