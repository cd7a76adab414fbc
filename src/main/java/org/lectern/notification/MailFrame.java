package org.lectern.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.lectern.session.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The parts every delegate mail shares: greeting, session list, link to "My trainings", footer. */
@Component
class MailFrame {

  private final Wording wording;
  private final Clock clock;
  private final String baseUrl;

  MailFrame(Wording wording, Clock clock, @Value("${lectern.base-url}") String baseUrl) {
    this.wording = wording;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** "Hello," with neutral wording: a full name in a greeting is one more thing to overhear. */
  String greeting(String lang, String fullName, boolean neutral) {
    return neutral ? wording.t(lang, "notification.greeting.anonymous") : greeting(lang, fullName);
  }

  String greeting(String lang, String fullName) {
    return fullName == null || fullName.isBlank()
        ? wording.t(lang, "notification.greeting.anonymous")
        : wording.t(lang, "notification.greeting", fullName);
  }

  /** "Training session, 9 February 2021" — the only subject a neutral programme ever uses. */
  String neutralSubject(ProgrammeFacts facts, String lang) {
    return wording.t(
        lang,
        "notification.neutral.subject",
        wording.date(lang, facts.referenceDate(clock.instant()), facts.programme().timeZone()));
  }

  List<MailContent.Fact> programmeFacts(ProgrammeFacts facts, String lang) {
    List<MailContent.Fact> list = new ArrayList<>();
    if (!facts.neutral()) {
      list.add(
          new MailContent.Fact(wording.t(lang, "notification.fact.programme"), facts.title(lang)));
    }
    for (Session s : facts.sessions()) {
      list.add(sessionFact(facts, s, lang));
    }
    if (!facts.sessions().isEmpty()) {
      var zone = facts.programme().timeZone();
      list.add(
          new MailContent.Fact(
              wording.t(lang, "notification.fact.zone"),
              org.lectern.shared.time.TimeFormat.zoneLabel(
                  zone, facts.sessions().get(0).startsAt())));
    }
    return list;
  }

  MailContent.Fact sessionFact(ProgrammeFacts facts, Session s, String lang) {
    String label =
        facts.neutral()
            ? wording.t(lang, "notification.neutral.session")
            : s.title().in(lang, facts.programme().languages());
    return new MailContent.Fact(
        label, wording.range(lang, s.startsAt(), s.endsAt(), facts.programme().timeZone()));
  }

  MailContent.Link myTrainings(String lang) {
    return new MailContent.Link(
        wording.t(lang, "notification.manage"), baseUrl + "/my/sign-in?lang=" + lang);
  }

  List<String> footer(String lang) {
    return List.of(wording.t(lang, "notification.footer"));
  }

  /** The neutral footer names neither the product nor the organiser. */
  List<String> footer(String lang, boolean neutral) {
    return neutral ? List.of(wording.t(lang, "notification.footer.neutral")) : footer(lang);
  }

  String baseUrl() {
    return baseUrl;
  }
}
