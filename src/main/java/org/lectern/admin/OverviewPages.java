package org.lectern.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.lectern.admin.AdminViews.SessionRow;
import org.lectern.admin.OverviewViews.AttentionRow;
import org.lectern.admin.OverviewViews.LiveRoomsPage;
import org.lectern.admin.OverviewViews.NextSession;
import org.lectern.admin.OverviewViews.OverviewPage;
import org.lectern.admin.OverviewViews.SessionsPage;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * Assembles a programme's overview: the session on now or next, and what the features report as
 * needing attention ({@link ProgrammeAttention} beans — this class knows none of them).
 */
@Component
record OverviewPages(SessionService sessions, List<ProgrammeAttention> attention, Clock clock) {

  OverviewPage overview(LecternUser user, Programme p, Ui ui) {
    Instant now = clock.instant();
    List<Session> all = sessions.ofProgramme(p.id());
    NextSession next =
        all.stream()
            .filter(s -> s.endsAt().isAfter(now))
            .min(Comparator.comparing(Session::startsAt))
            .map(s -> next(s, p, now, ui))
            .orElse(null);
    List<AttentionRow> rows =
        attention.stream()
            .flatMap(a -> a.attention(user, p, now).stream())
            .filter(i -> i.count() > 0)
            .sorted(Comparator.comparingInt(ProgrammeAttention.Item::order))
            .map(i -> new AttentionRow(ui.t(i.messageKey(), i.count()), i.href()))
            .toList();
    return new OverviewPage(
        p.id().toString(),
        p.slug(),
        p.title().show(ui.lang(), p.languages()),
        p.isPublished(),
        next,
        rows,
        p.timeZone().getId(),
        rows(all, p, ui));
  }

  private static NextSession next(Session s, Programme p, Instant now, Ui ui) {
    ZoneId mine = ui.zoneOr(p.timeZone());
    boolean same = mine.equals(p.timeZone());
    return new NextSession(
        s.id().toString(),
        s.title().show(ui.lang(), p.languages()),
        !s.startsAt().isAfter(now),
        ui.time().range(s.startsAt(), s.endsAt(), mine),
        ui.zoneLabel(mine, s.startsAt()),
        same ? null : ui.time().range(s.startsAt(), s.endsAt(), p.timeZone()),
        ui.zoneLabel(p.timeZone(), s.startsAt()),
        s.mode().hasRoom());
  }

  SessionsPage sessions(Programme p, Ui ui) {
    return new SessionsPage(
        p.id().toString(),
        p.title().show(ui.lang(), p.languages()),
        p.timeZone().getId(),
        rows(sessions.ofProgramme(p.id()), p, ui));
  }

  LiveRoomsPage live(Programme p, Ui ui) {
    return new LiveRoomsPage(
        p.id().toString(),
        p.title().show(ui.lang(), p.languages()),
        p.timeZone().getId(),
        rows(sessions.ofProgramme(p.id()), p, ui));
  }

  private static List<SessionRow> rows(List<Session> list, Programme p, Ui ui) {
    return list.stream()
        .map(
            s ->
                new SessionRow(
                    s.id().toString(),
                    s.title().show(ui.lang(), p.languages()),
                    ui.time().range(s.startsAt(), s.endsAt(), p.timeZone()),
                    s.isPublished()))
        .toList();
  }
}
