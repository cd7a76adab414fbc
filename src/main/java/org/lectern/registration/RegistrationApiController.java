package org.lectern.registration;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.identity.PendingToken;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Registrations in the REST API: create (like the public form), list (audited), cancel. */
@RestController
@Tag(name = "Registrations")
record RegistrationApiController(
    RegistrationService service,
    CopyEnrolment copies,
    RegistrationAdminService office,
    RateLimits rateLimits,
    OptIn optIn) {

  /** The one answer to everyone who does not manage the programme, whatever the address. */
  static final String ACCEPTED = "{\"status\":\"RECEIVED\"}";

  /**
   * The request body; values as in API.md: the delegate's details at the top level, as in a
   * listing's item. {@code answers}: question id → text or list. Read by {@link
   * RegistrationBodyReader} in one pass, no longer as {@code @JsonUnwrapped DelegateDetails} (issue
   * 16); the same JSON is accepted and refused with the same problems.
   */
  @JsonDeserialize(using = RegistrationBodyReader.class)
  record RegistrationBody(
      @JsonUnwrapped DelegateDetails details,
      Map<String, Object> answers,
      Boolean consent,
      Map<String, String> attendance,
      String invitation) {

    RegistrationRequest toRequest() {
      Map<String, List<String>> a = new LinkedHashMap<>();
      if (answers != null) {
        answers.forEach(
            (k, v) ->
                a.put(
                    k,
                    v instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : v == null ? List.of() : List.of(String.valueOf(v))));
      }
      return RegistrationRequest.of(
          details(),
          a,
          Boolean.TRUE.equals(consent),
          attendance == null ? Map.of() : attendance,
          invitation);
    }
  }

  record Created(String id, String status, Integer waitlistPosition) {}

  record Item(
      String id,
      String status,
      Integer waitlistPosition,
      @JsonUnwrapped DelegateDetails details,
      Instant registeredAt,
      Instant updatedAt) {}

  @PostMapping("/api/v1/programmes/{id}/registrations")
  @Operation(
      summary =
          "Register someone. Organisers: 201 (200 for an address already registered) with the"
              + " registration; everyone else: 202, the same answer for every address")
  ResponseEntity<?> create(
      @PathVariable UUID id,
      @RequestBody RegistrationBody body,
      IdempotentCreate creation,
      HttpServletRequest http,
      HttpServletResponse response)
      throws IOException {
    if (body == null) {
      throw InvalidInputException.of("email", "validation.required");
    }
    LecternUser actor = creation.actor();
    boolean keyless = creation.key() == null || creation.key().isBlank();
    boolean counted = false;
    // Authenticated by the node's note of the token, not yet read: checked by the batch, or read
    // below before anything else is done (ADR 0004, amendment "the token checked in the batch").
    PendingToken pending = keyless ? PendingToken.of(http) : null;
    if (keyless) {
      // An organiser without a key: checked against this node's copy of the programme and its
      // form set-up, confirmed by the batch's own reads (ADR 0004, "checked against a copy").
      var copy = copies.organiserCopy(actor, id);
      if (copy.isPresent()) {
        Runnable giveBack =
            rateLimits.checkUser(actor.id(), pending == null ? null : pending::confirm);
        counted = true;
        try {
          var registered = copies.registerWithCopy(copy.get(), body.toRequest(), pending);
          if (registered.isPresent()) {
            // The common answer written here, as Spring writes created()'s (issue 16,
            // thirteenth pass); null: the request is handled.
            write(registered.get(), response);
            return null;
          }
          if (pending != null) {
            actor = pending.confirm();
          }
        } catch (RuntimeException e) {
          // A permit used by a token that no longer works (found by the batch, or read now, as the
          // answer would read it) is given back: the 401 costs the account's holder nothing.
          if (pending != null && !pending.works()) {
            giveBack.run();
          }
          throw e;
        }
      }
    }
    if (pending != null) {
      // Every other answer is given after the filter's own read of the token, as that account.
      actor = pending.confirm();
    }
    var access = service.access(actor, id);
    if (access.isEmpty() || !access.get().organiser()) {
      rateLimits.check(http.getRemoteAddr(), body.details().email());
      if (actor != null && !counted) {
        rateLimits.checkUser(actor.id());
      }
      // Double opt-in or not, the public answer is the same for every address and state: the
      // mail step decides, and only the e-mail to the address tells (ADR 0013).
      return creation.run(
          requestText(id, creation.key(), body),
          () -> {
            // The programme as access() read it: published, since the actor does not manage it.
            optIn.request(
                access
                    .map(RegistrationService.Access::programme)
                    .orElseThrow(() -> new NotFoundException("programme.notFound")),
                body.toRequest());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ACCEPTED);
          });
    }
    if (!counted) {
      rateLimits.checkUser(actor.id());
    }
    if (keyless) {
      // No key to claim in the registration's transaction: registered together with the others
      // of the programme arriving at the same moment (ADR 0004, amendment "group commit").
      return created(service.registerGrouped(access.get(), body.toRequest()));
    }
    return creation.run(
        requestText(id, creation.key(), body),
        () -> created(service.register(access.get(), body.toRequest())));
  }

  private static ResponseEntity<?> created(RegistrationService.Registered r) {
    var reg = r.registration();
    // Written here, not by Spring, so a confirmed registration keeps its
    // "waitlistPosition": null as before.
    String json =
        Json.write(new Created(reg.id().toString(), reg.status().name(), r.waitlistPosition()));
    var answer =
        ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .contentType(MediaType.APPLICATION_JSON);
    if (r.created()) {
      answer.location(URI.create("/api/v1/registrations/" + reg.id()));
    }
    return answer.body(json);
  }

  /**
   * {@link #created} written straight to the response: the same status, {@code Content-Type},
   * {@code Location}, {@code Content-Length} and body as Spring's {@code HttpEntityMethodProcessor}
   * writes for it, without choosing a return value handler and a message converter, copying the
   * headers and looking for a content disposition for every registration (about a tenth of an
   * organiser's request threads, issue 16, thirteenth pass). {@code RegistrationApiIT} compares the
   * two.
   */
  static void write(RegistrationService.Registered r, HttpServletResponse response)
      throws IOException {
    var reg = r.registration();
    byte[] json =
        Json.write(new Created(reg.id().toString(), reg.status().name(), r.waitlistPosition()))
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(r.created() ? HttpStatus.CREATED.value() : HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (r.created()) {
      response.setHeader(HttpHeaders.LOCATION, "/api/v1/registrations/" + reg.id());
    }
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  /** What an Idempotency-Key is checked against; written only when a key is sent. */
  private static String requestText(UUID id, String key, RegistrationBody body) {
    return key == null || key.isBlank() ? "" : id + " " + Json.write(body);
  }

  @GetMapping("/api/v1/programmes/{id}/registrations")
  @Operation(summary = "List registrations (organisers; every call is audited)")
  ResponseEntity<List<Item>> list(
      @PathVariable UUID id,
      @RequestParam(required = false) RegistrationStatus status,
      @RequestParam(required = false) String search,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @AuthenticationPrincipal LecternUser actor) {
    var problems = new InvalidInputException.Collector();
    problems.check(limit >= 1 && limit <= 1000, "limit", "validation.range", 1, 1000);
    problems.check(offset >= 0, "offset", "validation.min", 0);
    problems.throwIfAny();
    var listing = office.list(actor, id, status, search, limit, offset);
    var items = listing.items().stream().map(this::item).toList();
    return ResponseEntity.ok().header("X-Total-Count", String.valueOf(listing.total())).body(items);
  }

  private Item item(Registration r) {
    return new Item(
        r.id().toString(),
        r.status().name(),
        service.position(r),
        r.details(),
        r.createdAt(),
        r.updatedAt());
  }

  @DeleteMapping("/api/v1/registrations/{id}")
  @Operation(summary = "Cancel a registration; the first waitlisted person is promoted")
  ResponseEntity<Void> cancel(@PathVariable UUID id, @AuthenticationPrincipal LecternUser actor) {
    office.cancel(actor, id);
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }
}
