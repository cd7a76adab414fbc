package org.lectern.certificate;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organiser's certificates page: eligibility, overrides, issuing, revoking, re-issuing. */
@Controller
record CertificateAdminController(
    CertificateService office, CertificateAdminPages views, CertificateViews names) {

  @GetMapping("/admin/programmes/{id}/certificates")
  String page(
      @PathVariable UUID id,
      @RequestParam(required = false) String done,
      @RequestParam(required = false) Integer issued,
      @RequestParam(required = false) Integer skipped,
      @RequestParam(required = false) Integer failed,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    String notice =
        done == null
            ? null
            : ui.t(
                "certificate.admin.done." + done,
                issued == null ? 0 : issued,
                skipped == null ? 0 : skipped,
                failed == null ? 0 : failed);
    Object error = model.getAttribute("error");
    model.addAttribute(
        "page",
        views.page(
            office.overview(actor, id), notice, error == null ? null : error.toString(), ui));
    return "certificate/admin";
  }

  @PostMapping("/admin/programmes/{id}/certificates/issue")
  String issueAll(@PathVariable UUID id, @AuthenticationPrincipal LecternUser actor) {
    var r = office.issueAll(actor, id);
    return back(id)
        + "?done=bulk&issued="
        + r.issued()
        + "&skipped="
        + r.skipped()
        + "&failed="
        + r.failed().size();
  }

  @PostMapping("/admin/programmes/{id}/certificates/registrations/{registrationId}/issue")
  String issueOne(
      @PathVariable UUID id,
      @PathVariable UUID registrationId,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      RedirectAttributes flash) {
    return attempt(id, "issued", ui, flash, () -> office.issueOne(actor, id, registrationId));
  }

  @PostMapping("/admin/programmes/{id}/certificates/registrations/{registrationId}/override")
  String override(
      @PathVariable UUID id,
      @PathVariable UUID registrationId,
      @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      RedirectAttributes flash) {
    return attempt(
        id, "overridden", ui, flash, () -> office.override(actor, id, registrationId, reason));
  }

  @PostMapping("/admin/programmes/{id}/certificates/registrations/{registrationId}/override/remove")
  String removeOverride(
      @PathVariable UUID id,
      @PathVariable UUID registrationId,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      RedirectAttributes flash) {
    return attempt(
        id, "overrideRemoved", ui, flash, () -> office.removeOverride(actor, id, registrationId));
  }

  @PostMapping("/admin/certificates/{code}/revoke")
  String revoke(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      RedirectAttributes flash) {
    UUID programme = office.manageable(actor, code).programmeId();
    return attempt(programme, "revoked", ui, flash, () -> office.revoke(actor, code, reason));
  }

  @PostMapping("/admin/certificates/{code}/reissue")
  String reissue(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String name,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      RedirectAttributes flash) {
    UUID programme = office.manageable(actor, code).programmeId();
    return attempt(programme, "reissued", ui, flash, () -> office.reissue(actor, code, name));
  }

  @GetMapping("/admin/certificates/{code}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String code, @AuthenticationPrincipal LecternUser actor) {
    Certificate c = office.manageable(actor, code);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(names.fileName(c)).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(office.pdf(actor, code));
  }

  private static String attempt(
      UUID programmeId, String done, Ui ui, RedirectAttributes flash, Runnable action) {
    try {
      action.run();
      return back(programmeId) + "?done=" + done;
    } catch (ForbiddenException | NotFoundException e) {
      // Not a mistake to show on the page: the caller may not do this (403) or cannot see it (404).
      throw e;
    } catch (DomainException e) {
      FormErrors errors = FormErrors.of(e, ui);
      flash.addFlashAttribute(
          "error",
          errors.general() != null ? errors.general() : String.join(" ", errors.fields().values()));
      return back(programmeId);
    }
  }

  private static String back(UUID programmeId) {
    return "redirect:/admin/programmes/" + programmeId + "/certificates";
  }
}
