package org.lectern.reporting;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Publish to funders" on the organiser's report page (ADR 0017). */
@Controller
record ReportPublicationController(
    ReportPublications publications, ReportController reports, ReportService service) {

  @PostMapping("/admin/programmes/{id}/report/publications")
  String publish(
      @PathVariable UUID id,
      @RequestParam(required = false) String note,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      publications.publish(actor, id, note);
    } catch (InvalidInputException e) {
      boolean organiser = service.audienceOf(actor, id) == ReportService.Audience.ORGANISER;
      var chosen = reports.chosen(actor, id, false, null);
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute(
          "page",
          reports.page(actor, id, chosen, organiser, note, FormErrors.of(e, ui), false, ui));
      return "reporting/report";
    }
    return "redirect:/admin/programmes/" + id + "/report?published";
  }
}
