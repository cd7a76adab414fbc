package org.lectern.reporting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme report in the back office (organisers; {@code ?view=funder} previews what a
 * snapshot published now would show, {@code ?snapshot=} shows a published one) and under /funder
 * (the latest published snapshot, or {@code ?snapshot=} an earlier one), with CSV, XLSX and PDF
 * exports of whichever is shown.
 */
@Controller
record ReportController(
    ReportService reports, ReportPublications publications, ReportPages pages, AuditLog audit) {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** The report a reader asked for, and the snapshot it comes from (null: live figures). */
  record Chosen(PublishedReport report, ReportSnapshot snapshot) {}

  Chosen chosen(LecternUser actor, UUID id, boolean funderView, String snapshot) {
    if (snapshot != null && !snapshot.isBlank()) {
      var full = publications.find(actor, id, ReportSnapshotApiController.snapshotId(snapshot));
      return new Chosen(full.report(), full.snapshot());
    }
    if (reports.audienceOf(actor, id) == ReportService.Audience.FUNDER) {
      var full = publications.latest(actor, id);
      return new Chosen(full.report(), full.snapshot());
    }
    return new Chosen(reports.report(actor, id, funderView), null);
  }

  @GetMapping("/admin/programmes/{id}/report")
  String report(
      @PathVariable UUID id,
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String snapshot,
      @RequestParam(required = false) String published,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    boolean organiser = reports.audienceOf(actor, id) == ReportService.Audience.ORGANISER;
    var chosen = chosen(actor, id, "funder".equals(view), snapshot);
    model.addAttribute(
        "page", page(actor, id, chosen, organiser, null, FormErrors.none(), published != null, ui));
    return "reporting/report";
  }

  ReportViews.ReportPage page(
      LecternUser actor,
      UUID id,
      Chosen chosen,
      boolean organiser,
      String note,
      FormErrors errors,
      boolean published,
      Ui ui) {
    String comparison = organiser ? reports.comparisonLink(actor, id) : null;
    var page = pages.page(chosen.report(), organiser, comparison, ui);
    var snapshots =
        SnapshotViews.of(
            publications.list(actor, id),
            chosen.snapshot(),
            page.base(),
            chosen.report().timeZone(),
            organiser,
            note,
            errors,
            published,
            ui);
    return page.withSnapshots(snapshots);
  }

  @GetMapping("/funder/programmes/{id}")
  String funder(
      @PathVariable UUID id,
      @RequestParam(required = false) String snapshot,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var chosen = chosen(actor, id, true, snapshot);
    model.addAttribute("page", page(actor, id, chosen, false, null, FormErrors.none(), false, ui));
    return "reporting/report";
  }

  @GetMapping({"/admin/programmes/{id}/report.{format}", "/funder/programmes/{id}/report.{format}"})
  ResponseEntity<byte[]> export(
      @PathVariable UUID id,
      @PathVariable String format,
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String snapshot,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      jakarta.servlet.http.HttpServletRequest request) {
    boolean funderPath = request.getRequestURI().startsWith("/funder/");
    boolean organiser = reports.audienceOf(actor, id) == ReportService.Audience.ORGANISER;
    var report = chosen(actor, id, funderPath || "funder".equals(view), snapshot).report();
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
