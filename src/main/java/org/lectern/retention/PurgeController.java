package org.lectern.retention;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.FreshSecondFactor;
import org.lectern.identity.LecternUser;
import org.lectern.identity.SecondFactors;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency purge pages (ADR 0022): an organisation administrator asks for a purge of a
 * programme or of the whole organisation, typing its name; another administrator confirms it, or a
 * sole administrator's request is carried out at once. Every step that destroys asks for a fresh
 * second factor.
 */
@Controller
record PurgeController(
    Purge purge,
    OrganisationService organisations,
    ProgrammeService programmes,
    SecondFactors factors) {

  @GetMapping("/admin/organisations/{id}/purge")
  String page(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id, Ui ui, Model model) {
    UUID orgId = RetentionController.uuid(id);
    organisations.administrable(actor, orgId);
    model.addAttribute("page", page(actor, orgId, "", "", FormErrors.none(), ui, model));
    return "retention/purge";
  }

  @PostMapping("/admin/organisations/{id}/purge")
  @FreshSecondFactor
  String request(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String scope,
      @RequestParam(defaultValue = "") String name,
      Ui ui,
      Model model,
      HttpServletResponse res,
      RedirectAttributes flash) {
    UUID orgId = RetentionController.uuid(id);
    organisations.administrable(actor, orgId);
    Purge.Outcome outcome;
    try {
      outcome = purge.request(actor, orgId, clip(scope, 50), clip(name, 500));
    } catch (InvalidInputException e) {
      res.setStatus(422);
      model.addAttribute(
          "page",
          page(actor, orgId, clip(scope, 50), clip(name, 500), FormErrors.of(e, ui), ui, model));
      return "retention/purge";
    }
    flash.addFlashAttribute(
        "flash", ui.t(outcome == Purge.Outcome.DONE ? "purge.done" : "purge.pending"));
    return "redirect:/admin/organisations/" + orgId + "/purge";
  }

  @PostMapping("/admin/organisations/{id}/purge/{requestId}/confirm")
  @FreshSecondFactor
  String confirm(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String requestId,
      Ui ui,
      RedirectAttributes flash) {
    UUID orgId = RetentionController.uuid(id);
    purge.confirm(actor, orgId, RetentionController.uuid(requestId));
    flash.addFlashAttribute("flash", ui.t("purge.done"));
    return "redirect:/admin/organisations/" + orgId + "/purge";
  }

  @PostMapping("/admin/organisations/{id}/purge/{requestId}/cancel")
  String cancel(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String requestId,
      Ui ui,
      RedirectAttributes flash) {
    UUID orgId = RetentionController.uuid(id);
    purge.cancel(actor, orgId, RetentionController.uuid(requestId));
    flash.addFlashAttribute("flash", ui.t("purge.cancelled"));
    return "redirect:/admin/organisations/" + orgId + "/purge";
  }

  private PurgePages.PurgePage page(
      LecternUser actor,
      UUID orgId,
      String scope,
      String name,
      FormErrors errors,
      Ui ui,
      Model model) {
    Organisation org = organisations.find(orgId).orElseThrow();
    String orgName = ui.text(org.name(), List.of("en", "ru", "kk"));
    List<PurgePages.Option> options = new ArrayList<>();
    for (UUID p : purge.programmesOf(orgId)) {
      programmes
          .find(p)
          .ifPresent(
              x ->
                  options.add(
                      new PurgePages.Option(
                          p.toString(),
                          ui.text(x.title(), x.languages()),
                          p.toString().equals(scope))));
    }
    options.add(
        new PurgePages.Option(
            "organisation",
            ui.t("purge.scope.organisation", orgName),
            "organisation".equals(scope)));
    ZoneId zone = ui.zoneOr(ZoneId.of("UTC"));
    java.time.Instant now = java.time.Instant.now();
    List<PurgePages.RequestRow> rows =
        purge.recent(actor, orgId).stream()
            .map(
                r ->
                    new PurgePages.RequestRow(
                        r.id().toString(),
                        r.programmeId() == null
                            ? ui.t("purge.scope.organisation", orgName)
                            : programmes
                                .find(r.programmeId())
                                .map(x -> ui.text(x.title(), x.languages()))
                                .orElse("—"),
                        ui.time().dateTime(r.requestedAt(), zone),
                        r.requestedBy().equals(actor.id()),
                        r.pending(now)
                            ? ui.t("purge.status.PENDING")
                            : "PENDING".equals(r.status())
                                ? ui.t("purge.status.EXPIRED")
                                : ui.t("purge.status." + r.status()),
                        r.pending(now) && !r.requestedBy().equals(actor.id()),
                        r.pending(now)))
            .toList();
    Object f = model.getAttribute("flash");
    return new PurgePages.PurgePage(
        orgId.toString(),
        orgName,
        options,
        name,
        errors,
        purge.administrators(orgId) <= 1,
        factors.enrolled(actor.id()),
        rows,
        ui.zoneLabel(zone, now),
        f == null ? null : f.toString());
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
