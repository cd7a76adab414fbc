package org.lectern.attendance.join;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.MeetingProvider;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.time.TimeFormat;
import org.lectern.shared.web.Ui;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A delegate's personal join link: records the click and forwards to the meeting while the link is
 * open; before, says when it opens (in the delegate's language, their zone and the programme's).
 */
@Controller
record JoinController(
    JoinLinkService links,
    SessionService sessions,
    ProgrammeService programmes,
    RegistrantDirectory registrations,
    LinkSharing sharing,
    ProviderSettingsRepository providers,
    MeetingDestinations destinations,
    BigBlueButtonMeetings bbb,
    PersonalDataCipher cipher,
    MessageSource messages,
    Clock clock) {

  private static final String VIEW = "attendance/join";

  @GetMapping("/j/{token}")
  String join(
      @PathVariable String token,
      Ui ui,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    var link =
        links.resolve(token).orElseThrow(() -> new NotFoundException("attendance.join.unknown"));
    Session s =
        sessions
            .find(link.sessionId())
            .orElseThrow(() -> new NotFoundException("attendance.join.unknown"));
    Registrant r =
        registrations
            .find(link.registrationId())
            .filter(Registrant::active)
            .orElseThrow(() -> new NotFoundException("attendance.join.unknown"));
    Programme p = programmes.find(s.programmeId()).orElseThrow();
    Locale locale = Language.of(Locale.forLanguageTag(r.language())).locale();
    var now = clock.instant();
    var window = JoinWindow.of(s);
    String title = s.title().show(r.language(), p.languages()).text();
    switch (window.at(now)) {
      case NOT_YET -> {
        ZoneId mine = ui.zoneOr(p.timeZone());
        var time = new TimeFormat(locale);
        String detail =
            mine.equals(p.timeZone())
                ? null
                : t(
                    locale,
                    "attendance.join.wait.programmeZone",
                    time.dateTime(window.opens(), p.timeZone()),
                    TimeFormat.zoneLabel(p.timeZone(), window.opens()));
        return page(
            model,
            r,
            title,
            t(
                locale,
                "attendance.join.wait",
                time.dateTime(window.opens(), mine),
                TimeFormat.zoneLabel(mine, window.opens())),
            detail,
            null,
            null);
      }
      case OVER -> {
        response.setStatus(HttpServletResponse.SC_GONE);
        return page(model, r, title, t(locale, "attendance.join.over"), null, null, null);
      }
      default -> {}
    }
    ProviderSettings settings = providers.of(p.id());
    var destination = destinations.of(s, r, settings);
    if (destination.isEmpty()) {
      return page(model, r, title, t(locale, "attendance.join.noMeeting"), null, null, null);
    }
    sharing.record(
        s.id(),
        r.id(),
        now,
        cipher.blindIndex(String.valueOf(request.getHeader("User-Agent")), "attendance.agent"),
        cipher.blindIndex(String.valueOf(request.getRemoteAddr()), "attendance.address"));
    var d = destination.get();
    if (s.meetingProvider() == MeetingProvider.BIGBLUEBUTTON && settings.hasBigBlueButton()) {
      bbb.ensureCreated(s, title, settings);
    }
    if (d.embed()) {
      response.setHeader("Content-Security-Policy", JitsiEmbedding.policy(d.jitsiOrigin()));
      return page(model, r, title, t(locale, "attendance.join.openJitsi"), null, d, locale);
    }
    return "redirect:" + d.url();
  }

  private String page(
      Model model,
      Registrant r,
      String title,
      String message,
      String detail,
      MeetingDestinations.Destination embed,
      Locale locale) {
    model.addAttribute(
        "page",
        new JoinPage(
            Language.of(Locale.forLanguageTag(r.language())).code(),
            title,
            message,
            detail,
            embed == null ? null : embed.jitsiOrigin(),
            embed == null ? null : embed.room()));
    return VIEW;
  }

  private String t(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
