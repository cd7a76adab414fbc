package org.lectern.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.reference.Regions;
import org.lectern.shared.error.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/programmes/{id}/report} (API.md). */
@RestController
@Tag(name = "Reports")
record ReportApiController(ReportService reports, Regions regions) {

  @GetMapping("/api/v1/programmes/{id}/report")
  @Operation(
      summary =
          "Aggregates of a programme; for FUNDER tokens (or view=funder) every count from 1 to 4"
              + " is \"<5\" and no personal data is included")
  ResponseEntity<ReportJson> report(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String view) {
    var report = reports.report(user, uuid(id), "funder".equals(view));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(ReportJson.of(report, regions));
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }
}
