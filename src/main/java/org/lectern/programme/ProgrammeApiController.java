package org.lectern.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.api.Paging;
import org.lectern.shared.web.api.TextValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for programmes (API.md). */
@RestController
@Tag(name = "Programmes")
record ProgrammeApiController(
    ProgrammeService programmes, @Value("${lectern.base-url}") String baseUrl) {

  /**
   * A programme as sent to create (POST: {@code organisationId} read, {@code status} not) or to
   * change it (PATCH: only what is sent changes; {@code status} publishes or unpublishes, {@code
   * organisationId} is not read — a programme stays with its organisation).
   */
  record ProgrammeBody(
      @Size(max = 80) String slug,
      TextValue title,
      TextValue description,
      @Size(max = 64) String timeZone,
      @Size(max = 3) List<String> languages,
      Integer capacity,
      Boolean waitlist,
      Boolean approvalRequired,
      BigDecimal cpdHours,
      String organisationId,
      String status) {}

  @GetMapping("/api/v1/programmes")
  @Operation(summary = "Programmes visible to the caller (published ones for everyone)")
  ResponseEntity<List<ProgrammeJson>> list(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    var page = programmes.visibleTo(user, paging.limit(), paging.offset());
    return ResponseEntity.ok()
        .header(Paging.TOTAL_HEADER, String.valueOf(page.total()))
        .body(page.items().stream().map(p -> ProgrammeJson.of(p, baseUrl)).toList());
  }

  @PostMapping("/api/v1/programmes")
  @Operation(summary = "Create a programme (organiser); it starts as a draft")
  ResponseEntity<?> create(IdempotentCreate creation, @Valid @RequestBody ProgrammeBody body) {
    return creation.run(
        Json.write(body),
        () -> {
          List<String> langs = body.languages() == null ? List.of() : body.languages();
          String main = langs.isEmpty() ? "en" : langs.get(0);
          var input =
              ProgrammeInput.validate(
                  new ProgrammeInput.Raw(
                      body.slug(),
                      TextValue.orEmpty(body.title(), main),
                      TextValue.orEmpty(body.description(), main),
                      langs,
                      body.timeZone(),
                      body.cpdHours(),
                      body.capacity(),
                      !Boolean.FALSE.equals(body.waitlist()),
                      Boolean.TRUE.equals(body.approvalRequired())));
          Programme p =
              programmes.create(
                  creation.actor(), uuid(body.organisationId(), "organisationId"), input);
          return ResponseEntity.created(URI.create("/api/v1/programmes/" + p.id()))
              .body(ProgrammeJson.of(p, baseUrl));
        });
  }

  @GetMapping("/api/v1/programmes/{id}")
  ProgrammeJson get(@AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    return ProgrammeJson.of(programmes.visible(user, pathId(id)), baseUrl);
  }

  @PatchMapping("/api/v1/programmes/{id}")
  @Operation(summary = "Change a programme; status PUBLISHED publishes it, DRAFT unpublishes it")
  ProgrammeJson patch(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @Valid @RequestBody ProgrammeBody body) {
    UUID pid = pathId(id);
    Programme p = programmes.manageable(user, pid);
    if (changesContent(body)) {
      p = programmes.update(user, pid, ProgrammePatch.apply(p, body));
    }
    if (body.status() != null) {
      p = ProgrammePatch.applyStatus(programmes, user, p, body.status());
    }
    return ProgrammeJson.of(p, baseUrl);
  }

  private static boolean changesContent(ProgrammeBody b) {
    return b.slug() != null
        || b.title() != null
        || b.description() != null
        || b.timeZone() != null
        || b.languages() != null
        || b.capacity() != null
        || b.waitlist() != null
        || b.approvalRequired() != null
        || b.cpdHours() != null;
  }

  static UUID pathId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }

  private static UUID uuid(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, "validation.invalid");
    }
  }
}
