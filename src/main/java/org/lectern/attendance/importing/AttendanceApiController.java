package org.lectern.attendance.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.results.Attendee;
import org.lectern.attendance.results.SessionAttendanceService;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.UiFactory;
import org.lectern.shared.web.api.Paging;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API: attendance imports and the effective attendance of a session (API.md). */
@RestController
@Tag(name = "Attendance")
record AttendanceApiController(
    AttendanceImportService imports,
    SessionAttendanceService attendance,
    MessageSource messages,
    UiFactory uis) {

  record ImportJson(
      String id,
      String format,
      int rows,
      int participants,
      int matched,
      int unmatched,
      boolean repeated) {}

  record IntervalJson(String from, String to) {}

  record AttendeeJson(
      String registrationId,
      String name,
      String email,
      String role,
      long minutes,
      int percent,
      boolean inRoom,
      List<IntervalJson> intervals) {}

  @PostMapping(
      path = "/api/v1/sessions/{id}/attendance-imports",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a provider's attendance report (format detected from the content); the same"
              + " file again changes nothing (200, repeated=true)")
  ResponseEntity<ImportJson> importReport(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String timeZone,
      @RequestParam(required = false) String dayOrder,
      @RequestParam(required = false) String meeting) {
    UUID sessionId = uuid(id);
    var choices = ImportChoices.parse(timeZone, dayOrder, meeting);
    ImportSummary s = imports.importFile(user, sessionId, bytes(file), choices);
    var body =
        new ImportJson(
            s.importId().toString(),
            s.format(),
            s.rows(),
            s.participants(),
            s.matched(),
            s.unmatched(),
            s.repeated());
    if (s.repeated()) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.created(URI.create("/api/v1/sessions/" + sessionId + "/attendance"))
        .body(body);
  }

  @GetMapping("/api/v1/sessions/{id}/attendance")
  @Operation(summary = "Effective attendance of everyone found (organisers; audited)")
  ResponseEntity<List<AttendeeJson>> list(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    List<Attendee> all = attendance.list(user, uuid(id));
    List<AttendeeJson> items =
        all.stream()
            .skip(paging.offset())
            .limit(paging.limit())
            .map(AttendanceApiController::json)
            .toList();
    return ResponseEntity.ok().header(Paging.TOTAL_HEADER, String.valueOf(all.size())).body(items);
  }

  /** 422 naming the line, or listing the choices the organiser can make. */
  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<ProblemDetail> refused(ImportRefused e, HttpServletRequest req) {
    var locale = uis.of(req).locale();
    var status = HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(
            status, ImportMessages.of(e, (k, a) -> messages.getMessage(k, a, k, locale)));
    pd.setTitle(
        messages.getMessage(
            "error.title." + status.value(), null, status.getReasonPhrase(), locale));
    pd.setProperty("code", e.code());
    if (e.line() > 0) {
      pd.setProperty("line", e.line());
    }
    if (e.column() > 0) {
      pd.setProperty("column", e.column());
    }
    if (e.choiceNeeded()) {
      pd.setProperty("choice", e.code().endsWith("Meeting") ? "meeting" : "dayOrder");
      pd.setProperty(
          "options",
          e.options().stream()
              .map(o -> Map.of("value", o.value(), "example", o.example()))
              .toList());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }

  private static AttendeeJson json(Attendee a) {
    return new AttendeeJson(
        a.registrationId() == null ? null : a.registrationId().toString(),
        a.name(),
        a.email(),
        a.role().name(),
        a.minutes(),
        a.percent(),
        a.inRoom(),
        a.intervals().stream()
            .map(i -> new IntervalJson(i.from().toString(), i.to().toString()))
            .toList());
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("session.notFound");
    }
  }
}
