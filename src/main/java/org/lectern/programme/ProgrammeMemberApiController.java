package org.lectern.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.api.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/programmes/{id}/members} (API.md): grant ORGANISER, SPEAKER or FUNDER, list who
 * holds which role (audited), revoke a role.
 */
@RestController
@Tag(name = "Programmes")
record ProgrammeMemberApiController(ProgrammeService programmes, ProgrammeMembers members) {

  record Grant(String userId, String role) {}

  record Member(String userId, String email, String fullName, String role, Instant grantedAt) {}

  @GetMapping("/api/v1/programmes/{id}/members")
  @Operation(summary = "Who holds which role on a programme (organisers; every call is audited)")
  ResponseEntity<List<Member>> list(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    var page =
        members.list(actor, ProgrammeApiController.pathId(id), paging.limit(), paging.offset());
    return ResponseEntity.ok()
        .header(Paging.TOTAL_HEADER, String.valueOf(page.total()))
        .body(
            page.items().stream()
                .map(
                    m ->
                        new Member(
                            m.userId().toString(),
                            m.email(),
                            m.fullName(),
                            m.role().name(),
                            m.grantedAt()))
                .toList());
  }

  @DeleteMapping("/api/v1/programmes/{id}/members/{userId}/{role}")
  @Operation(
      summary =
          "Revoke a role (organisers); 404 when the person does not hold it, 409 for the last"
              + " organiser nobody else could replace")
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String userId,
      @PathVariable String role) {
    members.revoke(actor, ProgrammeApiController.pathId(id), parse(userId), role(role));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/programmes/{id}/members")
  @org.lectern.identity.FreshSecondFactor
  @Operation(
      summary =
          "Grant a person a role on a programme (organiser). userId reaches members of the"
              + " programme's organisation or of an accepted co-organiser, people holding a role"
              + " on it and accounts of no organisation; an account of other organisations only"
              + " gets the 422 of an id of no account")
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
