package org.lectern.reporting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.reference.Regions;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme report in the back office (organisers; {@code ?view=funder} previews the funder
 * view) and under /funder (always the funder view), with CSV, XLSX and PDF exports.
 */
@Controller
class ReportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportService reports;
  private final ReportPages pages;
  private final AuditLog audit;
  private final Regions regions;

  ReportController(ReportService reports, ReportPages pages, AuditLog audit, Regions regions) {
    this.reports = reports;
    this.pages = pages;
    this.audit = audit;
    this.regions = regions;
  }

  @GetMapping("/admin/programmes/{id}/report")
  String report(
      @PathVariable UUID id,
      @RequestParam(required = false) String view,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    boolean organiser = reports.audienceOf(actor, id) == ReportService.Audience.ORGANISER;
    var report = reports.report(actor, id, "funder".equals(view));
    String comparison = organiser ? reports.comparisonLink(actor, id) : null;
    model.addAttribute("page", pages.page(report, organiser, comparison, ui));
    return "reporting/report";
  }

  @GetMapping("/funder/programmes/{id}")
  String funder(
      @PathVariable UUID id, @AuthenticationPrincipal LecternUser actor, Ui ui, Model model) {
    var report = reports.report(actor, id, true);
    model.addAttribute("page", pages.page(report, false, null, ui));
    return "reporting/report";
  }

  @GetMapping({"/admin/programmes/{id}/report.{format}", "/funder/programmes/{id}/report.{format}"})
  ResponseEntity<byte[]> export(
      @PathVariable UUID id,
      @PathVariable String format,
      @RequestParam(required = false) String view,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      jakarta.servlet.http.HttpServletRequest request) {
    boolean funderPath = request.getRequestURI().startsWith("/funder/");
    boolean organiser = reports.audienceOf(actor, id) == ReportService.Audience.ORGANISER;
    var report = reports.report(actor, id, funderPath || "funder".equals(view));
    byte[] body;
    MediaType type;
    switch (format) {
      case "csv" -> {
        body = ReportFiles.csv(ReportTables.of(report, pages.labels(ui)));
        type = new MediaType("text", "csv", StandardCharsets.UTF_8);
      }
      case "xlsx" -> {
        body = ReportFiles.xlsx(ReportTables.of(report, pages.labels(ui)));
        type = XLSX;
      }
      case "pdf" -> {
        body = ReportPdf.render(pages.page(report, organiser, null, ui), ui);
        type = MediaType.APPLICATION_PDF;
      }
      default -> {
        return ResponseEntity.notFound().build();
      }
    }
    if (organiser) {
      audit.record(
          new AuditLog.Record(
              actor.id(),
              actor.displayName(),
              "report.exported",
              reports.organisationOf(id),
              "programme",
              id.toString(),
              null,
              format + (report.funderView() ? " funder" : " organiser") + " " + ui.lang()));
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("report-" + ui.lang() + "." + format)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
