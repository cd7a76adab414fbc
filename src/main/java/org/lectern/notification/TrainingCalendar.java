package org.lectern.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.lectern.session.CalendarEntry;
import org.lectern.session.CalendarFiles;
import org.lectern.session.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Calendar files for delegates. UIDs equal the public catalogue's, so a client that imported both
 * keeps one event. With neutral wording the title is "Training session", the description and
 * address only a link to "My trainings", there is no location (a venue's name may say what the
 * training is about), the UID names nothing, and the file name says nothing. Files for delegates
 * never name the product.
 */
@Component
public class TrainingCalendar {

  private final Wording wording;
  private final ProgrammeFactsLoader facts;
  private final String baseUrl;

  TrainingCalendar(
      Wording wording, ProgrammeFactsLoader facts, @Value("${lectern.base-url}") String baseUrl) {
    this.wording = wording;
    this.facts = facts;
    this.baseUrl = baseUrl;
  }

  /** One calendar with all published sessions of these programmes, for a delegate's feed. */
  public String ofProgrammes(List<UUID> programmeIds, String lang) {
    return write(programmeIds.stream().map(facts::load).toList(), lang);
  }

  MailAttachment attachment(ProgrammeFacts facts, String lang) {
    String name = facts.neutral() ? "training.ics" : facts.programme().slug() + ".ics";
    return new MailAttachment(
        name,
        MailAttachment.CALENDAR,
        write(List.of(facts), lang).getBytes(StandardCharsets.UTF_8));
  }

  String write(List<ProgrammeFacts> programmes, String lang) {
    boolean single = programmes.size() == 1;
    String calendarName =
        single && !programmes.get(0).neutral()
            ? programmes.get(0).title(lang)
            : wording.t(lang, "notification.calendar.name");
    return CalendarFiles.write(
        CalendarFiles.NEUTRAL_PRODUCT,
        calendarName,
        programmes.stream()
            .flatMap(p -> p.sessions().stream().map(s -> entry(p, s, lang)))
            .toList());
  }

  private CalendarEntry entry(ProgrammeFacts p, Session s, String lang) {
    String my = baseUrl + "/my";
    if (p.neutral()) {
      return new CalendarEntry(
          s.id().toString(),
          s.sequence(),
          s.startsAt(),
          s.endsAt(),
          s.updatedAt(),
          wording.t(lang, "notification.neutral.session"),
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
        p.title(lang) + "\n" + url,
        venue.isBlank() ? (s.mode().isOnline() ? url : null) : venue,
        url,
        false);
  }
}
