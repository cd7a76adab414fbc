package org.lectern.notification;

import java.util.ArrayList;
import java.util.List;
import org.lectern.attendance.join.JoinLinkService;
import org.lectern.identity.DelegateAccounts;
import org.lectern.session.Session;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Component;

/** Composes one session reminder for one delegate; neutral programmes name no topic. */
@Component
record ReminderMails(
    Outbox outbox,
    MailFrame frame,
    Wording wording,
    MailRenderer renderer,
    DelegateAccounts directory,
    JoinLinkService joinLinks,
    Transactions transactions) {

  boolean send(ProgrammeFacts p, Session s, SessionReminders.Reminder r, MailRecipient c) {
    return transactions.joined(
        () -> {
          String lang =
              directory.chosenLanguage(c.email()).orElse(Wording.language(c.language()).code());
          var zone = p.programme().timeZone();
          String when = wording.dateTime(lang, s.startsAt(), zone);
          String subject =
              p.neutral()
                  ? wording.t(
                      lang, "notification.neutral.subject", wording.date(lang, s.startsAt(), zone))
                  : wording.t(
                      lang,
                      "notification." + r.key + ".subject",
                      s.title().in(lang, p.programme().languages()));
          List<MailContent.Fact> facts = new ArrayList<>();
          if (!p.neutral()) {
            facts.add(
                new MailContent.Fact(
                    wording.t(lang, "notification.fact.programme"), p.title(lang)));
          }
          facts.add(frame.sessionFact(p, s, lang));
          facts.add(
              new MailContent.Fact(
                  wording.t(lang, "notification.fact.zone"),
                  org.lectern.shared.time.TimeFormat.zoneLabel(zone, s.startsAt())));
          if (s.mode().isOnline()) {
            // The personal link opens 30 minutes before the start; it names nothing by itself.
            facts.add(
                new MailContent.Fact(
                    wording.t(lang, "notification.fact.joinLink"),
                    joinLinks.linkFor(c.registrationId(), s.id())));
          }
          MailContent content =
              new MailContent(
                  lang,
                  subject,
                  frame.greeting(lang, c.fullName(), p.neutral()),
                  List.of(
                      wording.t(
                          lang,
                          "notification." + r.key + ".body",
                          when,
                          org.lectern.shared.time.TimeFormat.zoneLabel(zone, s.startsAt()))),
                  facts,
                  frame.myTrainings(lang),
                  frame.footer(lang, p.neutral()));
          String dedupe = r.code + ":" + s.id() + ":" + c.registrationId() + ":" + s.startsAt();
          return outbox.enqueue(
              renderer
                  .layout(content)
                  .mail(r.code, s.id(), c.email(), List.of(), dedupe, p.neutral())
                  .withSenderName(p.senderName())
                  .about(p.programme().id(), p.programme().organisationId()));
        });
  }
}
