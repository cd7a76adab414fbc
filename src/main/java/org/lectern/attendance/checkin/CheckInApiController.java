package org.lectern.attendance.checkin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.time.TimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API: a scan at the door of a session's room, for door apps and scanners (API.md). */
@RestController
@Tag(name = "Attendance")
record CheckInApiController(CheckInService door) {

  record ScanJson(String code, String registrationId, String kind, String nonce) {}

  record CheckInJson(
      String nonce, String registrationId, String name, String kind, String at, String outcome) {}

  @PostMapping("/api/v1/sessions/{id}/check-ins")
  @Operation(
      summary =
          "Check a delegate in or out of the room by personal code or registration id; the same"
              + " nonce again records nothing (200)")
  ResponseEntity<CheckInJson> scan(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestBody ScanJson body) {
    var problems = new InvalidInputException.Collector();
    CheckIn.Kind kind = kind(body.kind(), problems);
    UUID nonce = uuid(body.nonce(), "nonce", problems);
    UUID registration = uuid(body.registrationId(), "registrationId", problems);
    problems.throwIfAny();
    var r =
        door.scan(
            user, sessionId(id), new CheckInService.Scan(nonce, registration, body.code(), kind));
    var json =
        new CheckInJson(
            r.nonce().toString(),
            r.registrationId().toString(),
            r.name(),
            r.kind().name(),
            TimeFormat.iso(r.at(), r.zone()),
            r.outcome().name());
    return ResponseEntity.status(r.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(json);
  }

  private static CheckIn.Kind kind(String value, InvalidInputException.Collector problems) {
    if (value == null || value.isBlank()) {
      return CheckIn.Kind.IN;
    }
    try {
      return CheckIn.Kind.valueOf(value);
    } catch (IllegalArgumentException e) {
      problems.add("kind", "validation.choice");
      return CheckIn.Kind.IN;
    }
  }

  private static UUID uuid(String value, String field, InvalidInputException.Collector problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      problems.add(field, "attendance.checkin.notAnId");
      return null;
    }
  }

  private static UUID sessionId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("session.notFound");
    }
  }
}
