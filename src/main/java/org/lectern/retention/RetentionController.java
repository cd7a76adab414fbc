package org.lectern.retention;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.FreshSecondFactor;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Retention pages: a programme's period, an organisation's default, and the schedule of when each
 * programme will be anonymised.
 */
@Controller
record RetentionController(
    Retention retention, ProgrammeService programmes, OrganisationService organisations) {

  static final String PROGRAMME_PATH = "/admin/programmes/{id}/retention";
  static final String ORGANISATION_PATH = "/admin/organisations/{id}/retention";

  @GetMapping("/admin/retention")
  String schedule(@AuthenticationPrincipal LecternUser actor, Ui ui, Model model) {
    ZoneId zone = ui.zoneOr(ZoneId.of("UTC"));
    List<RetentionPages.Row> rows =
        retention.schedule(actor).stream()
            .map(
                p ->
                    new RetentionPages.Row(
                        p.programmeId().toString(),
                        title(p.programmeId(), ui),
                        when(p.lastSessionEnd(), zone, ui),
                        ui.number(p.months()),
                        when(p.dueAt(), zone, ui),
                        p.anonymised(),
                        when(p.anonymisedAt(), zone, ui)))
            .toList();
    model.addAttribute(
        "page", new RetentionPages.SchedulePage(rows, ui.zoneLabel(zone, Instant.now())));
    return "retention/schedule";
  }

  @GetMapping(PROGRAMME_PATH)
  String programme(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id, Ui ui, Model model) {
    RetentionPeriod p = retention.period(actor, uuid(id));
    String months = p.programmeMonths() == null ? "" : p.programmeMonths().toString();
    model.addAttribute("page", programmePage(p, months, FormErrors.none(), ui, model));
    return "retention/programme";
  }

  @GetMapping(ORGANISATION_PATH)
  String organisation(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id, Ui ui, Model model) {
    UUID orgId = uuid(id);
    Integer months = retention.organisationMonths(actor, orgId);
    model.addAttribute(
        "page",
        organisationPage(
            orgId, months == null ? "" : months.toString(), FormErrors.none(), ui, model));
    return "retention/organisation";
  }

  /**
   * Saves the period of a programme or the default of an organisation: the same form, the same
   * answers, at two levels (the matched path says which).
   */
  @PostMapping({PROGRAMME_PATH, ORGANISATION_PATH})
  @FreshSecondFactor
  String save(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String months,
      Ui ui,
      Model model,
      HttpServletRequest req,
      HttpServletResponse res,
      RedirectAttributes flash) {
    UUID uuid = uuid(id);
    String typed = clip(months);
    String path = (String) req.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    boolean programme = PROGRAMME_PATH.equals(path);
    try {
      if (programme) {
        retention.setProgrammeMonths(actor, uuid, typed);
      } else {
        retention.setOrganisationMonths(actor, uuid, typed);
      }
    } catch (InvalidInputException e) {
      FormErrors errors = FormErrors.of(e, ui);
      return programme
          ? FormRefusal.redraw(
              e,
              programmePage(retention.period(actor, uuid), typed, errors, ui, model),
              "retention/programme",
              model,
              res)
          : FormRefusal.redraw(
              e,
              organisationPage(uuid, typed, errors, ui, model),
              "retention/organisation",
              model,
              res);
    }
    flash.addFlashAttribute("flash", ui.t("retention.saved"));
    return "redirect:" + path.replace("{id}", uuid.toString());
  }

  private RetentionPages.ProgrammePage programmePage(
      RetentionPeriod p, String months, FormErrors errors, Ui ui, Model model) {
    Programme programme = programmes.find(p.programmeId()).orElseThrow();
    ZoneId zone = ui.zoneOr(programme.timeZone());
    int fallback = p.organisationMonths() != null ? p.organisationMonths() : p.installationMonths();
    return new RetentionPages.ProgrammePage(
        p.programmeId().toString(),
        ui.text(programme.title(), programme.languages()),
        months,
        errors,
        ui.number(fallback),
        ui.number(p.months()),
        when(p.lastSessionEnd(), zone, ui),
        when(p.dueAt(), zone, ui),
        p.anonymised() ? when(p.anonymisedAt(), zone, ui) : null,
        ui.zoneLabel(zone, Instant.now()),
        flash(model));
  }

  private RetentionPages.OrganisationPage organisationPage(
      UUID orgId, String months, FormErrors errors, Ui ui, Model model) {
    Organisation o = organisations.find(orgId).orElseThrow();
    return new RetentionPages.OrganisationPage(
        orgId.toString(),
        ui.text(o.name(), List.of("en", "ru", "kk")),
        months,
        errors,
        ui.number(retention.installationMonths()),
        flash(model));
  }

  private String title(UUID programmeId, Ui ui) {
    return programmes.find(programmeId).map(p -> ui.text(p.title(), p.languages())).orElse("—");
  }

  private static String when(Instant at, ZoneId zone, Ui ui) {
    return at == null ? null : ui.time().dateTime(at, zone);
  }

  private static String flash(Model model) {
    Object f = model.getAttribute("flash");
    return f == null ? null : f.toString();
  }

  private static String clip(String s) {
    return s.length() > 20 ? s.substring(0, 20) : s;
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }
}
