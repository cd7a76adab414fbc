package org.lectern.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.reference.Regions;
import org.lectern.shared.database.Json;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Snapshots of a programme's report released to its funders (API.md, ADR 0017). */
@RestController
@Tag(name = "Reports")
record ReportSnapshotApiController(ReportPublications publications, Regions regions) {

  record PublishBody(String note) {}

  record Published(String id, String publishedAt) {}

  record SnapshotJson(String id, String publishedAt, String note) {
    static SnapshotJson of(ReportSnapshot s) {
      return new SnapshotJson(s.id().toString(), s.publishedAt().toString(), s.note());
    }
  }

  record SnapshotWithReport(String id, String publishedAt, String note, ReportJson report) {}

  @PostMapping("/api/v1/programmes/{id}/report/publications")
  @Operation(
      summary =
          "Publish the current figures to the programme's funders as a snapshot (organiser);"
              + " suppressed together with every earlier snapshot")
  ResponseEntity<?> publish(
      IdempotentCreate creation,
      @PathVariable String id,
      @RequestBody(required = false) PublishBody body) {
    var programme = ReportApiController.uuid(id);
    String note = body == null ? null : body.note();
    return creation.run(
        "publish " + programme + " " + Json.write(body == null ? new PublishBody(null) : body),
        () -> {
          var s = publications.publish(creation.actor(), programme, note);
          return ResponseEntity.created(
                  URI.create("/api/v1/programmes/" + programme + "/report/publications/" + s.id()))
              .body(new Published(s.id().toString(), s.publishedAt().toString()));
        });
  }

  @GetMapping("/api/v1/programmes/{id}/report/publications")
  @Operation(summary = "The programme's snapshots, oldest first (organisers and funders)")
  ResponseEntity<List<SnapshotJson>> list(
      @AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    var list = publications.list(user, ReportApiController.uuid(id));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(list.stream().map(SnapshotJson::of).toList());
  }

  @GetMapping("/api/v1/programmes/{id}/report/publications/{pid}")
  @Operation(summary = "One snapshot with its report, as the funders got it")
  ResponseEntity<SnapshotWithReport> one(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @PathVariable String pid) {
    var full =
        publications.find(
            user, ReportApiController.uuid(id), ReportSnapshotApiController.snapshotId(pid));
    var s = full.snapshot();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new SnapshotWithReport(
                s.id().toString(),
                s.publishedAt().toString(),
                s.note(),
                ReportJson.of(full.report(), regions)));
  }

  static java.util.UUID snapshotId(String id) {
    try {
      return java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new org.lectern.shared.error.NotFoundException("report.snapshotNotFound");
    }
  }
}
