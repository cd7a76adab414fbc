package org.lectern.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/programmes/{id}/members} (API.md): grant ORGANISER, SPEAKER or FUNDER. */
@RestController
@Tag(name = "Programmes")
class ProgrammeMemberApiController {

  private final ProgrammeService programmes;

  ProgrammeMemberApiController(ProgrammeService programmes) {
    this.programmes = programmes;
  }

  record Grant(String userId, String role) {}

  @PostMapping("/api/v1/programmes/{id}/members")
  @Operation(summary = "Grant a person a role on a programme (organiser)")
  ResponseEntity<Map<String, String>> grant(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestBody Grant body) {
    UUID programme = ProgrammeApiController.pathId(id);
    var problems = new InvalidInputException.Collector();
    UUID user = parse(body.userId());
    ProgrammeRole role = role(body.role());
    problems.check(user != null, "userId", "validation.required");
    problems.check(role != null, "role", "validation.choice");
    problems.throwIfAny();
    programmes.grant(actor, programme, user, role);
    return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme + "/members"))
        .body(Map.of("userId", user.toString(), "role", role.name()));
  }

  private static UUID parse(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ProgrammeRole role(String s) {
    try {
      return s == null ? null : ProgrammeRole.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
