package org.lectern.registration;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.registration.RegistrationViews.AdminPage;
import org.lectern.registration.RegistrationViews.Row;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organiser's registrations list, decisions and exports. Every view is audited. */
@Controller
record RegistrationAdminController(
    RegistrationAdminService office,
    RegistrationService service,
    org.lectern.programme.ProgrammeService programmes,
    org.lectern.shared.mail.UndeliverableMarks undeliverable,
    org.lectern.reference.Regions regions) {

  static final int PAGE = 50;

  /** The listing; a search by name is posted (below), so that no name ends up in an address. */
  @GetMapping("/admin/programmes/{id}/registrations")
  String list(
      @PathVariable UUID id,
      @RequestParam(required = false) RegistrationStatus status,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(required = false) String done,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    return page(id, status, null, offset, done, actor, ui, model);
  }

  /**
   * A search by name or e-mail. Posted, not in the query string: addresses end up in browser
   * history, proxy and server logs and Referer headers, where a searched name would say who is
   * looked for in which programme.
   */
  @PostMapping("/admin/programmes/{id}/registrations")
  String search(
      @PathVariable UUID id,
      @RequestParam(required = false) RegistrationStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    return page(id, status, q, offset, null, actor, ui, model);
  }

  private String page(
      UUID id,
      RegistrationStatus status,
      String q,
      int offset,
      String done,
      LecternUser actor,
      Ui ui,
      Model model) {
    var p = programmes.manageable(actor, id);
    var listing = office.list(actor, id, status, q, PAGE, Math.max(0, offset));
    var zone = ui.zoneOr(p.timeZone());
    var unreachable =
        undeliverable.reasons(
            p.organisationId(), listing.items().stream().map(r -> r.details().email()).toList());
    var rows =
        listing.items().stream()
            .map(
                r ->
                    new Row(
                        r.id().toString(),
                        r.details().fullName(),
                        r.details().email(),
                        r.status().name(),
                        service.position(r),
                        regionName(r.details().region(), ui),
                        ui.time().dateTime(r.createdAt(), zone),
                        unreachable.get(r.details().email())))
            .toList();
    model.addAttribute(
        "page",
        new AdminPage(
            id.toString(),
            p.title().show(ui.lang(), p.languages()),
            status == null ? "" : status.name(),
            q == null ? "" : q,
            rows,
            listing.total(),
            listing.counts(),
            Math.max(0, offset),
            PAGE,
            done == null ? null : ui.t("registration.admin.done"),
            ui.zoneLabel(zone, java.time.Instant.now())));
    return "registration/admin";
  }

  /** The region by its name in the reader's language, not its code (KZ-75, OTHER). */
  private String regionName(String code, Ui ui) {
    if (code == null) {
      return null;
    }
    return regions
        .find(code)
        .map(r -> r.name(ui.lang()))
        .orElseGet(
            () ->
                org.lectern.reference.Regions.OTHER.equals(code)
                    ? ui.t("registration.region.OTHER")
                    : code);
  }

  @PostMapping("/admin/registrations/{id}/{action}")
  String act(
      @PathVariable UUID id,
      @PathVariable String action,
      @RequestParam(required = false) String message,
      @AuthenticationPrincipal LecternUser actor) {
    Registration r =
        switch (action) {
          case "approve" -> office.approve(actor, id);
          case "decline" -> office.decline(actor, id, message);
          case "confirm" -> office.confirm(actor, id);
          case "waitlist" -> office.toWaitlist(actor, id);
          case "cancel" -> office.cancel(actor, id);
          default -> throw InvalidInputException.of("action", "validation.choice");
        };
    return "redirect:/admin/programmes/" + r.programmeId() + "/registrations?done";
  }

  @GetMapping("/admin/programmes/{id}/registrations.csv")
  @org.lectern.identity.FreshSecondFactor
  ResponseEntity<byte[]> csv(
      @PathVariable UUID id,
      @RequestParam(required = false) RegistrationStatus status,
      @AuthenticationPrincipal LecternUser actor) {
    byte[] body = RegistrationExport.csv(office.export(actor, id, status, "csv"));
    return file(
        body,
        "registrations.csv",
        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
  }

  @GetMapping("/admin/programmes/{id}/registrations.xlsx")
  @org.lectern.identity.FreshSecondFactor
  ResponseEntity<byte[]> xlsx(
      @PathVariable UUID id,
      @RequestParam(required = false) RegistrationStatus status,
      @AuthenticationPrincipal LecternUser actor) {
    byte[] body = RegistrationExport.xlsx(office.export(actor, id, status, "xlsx"));
    return file(
        body,
        "registrations.xlsx",
        MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
