package org.lectern.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/programmes/{id}/partners}: the organisations named on a programme and their role —
 * {@code CO_ORGANISER} gives the organisation's members the running of this programme (ADR 0010).
 */
@RestController
@Tag(name = "Programmes")
record ProgrammePartnerApiController(ProgrammeService programmes) {

  record Partner(
      String organisationId,
      String role,
      Map<String, String> acknowledgement,
      Map<String, String> disclaimer,
      int position) {}

  record Texts(Map<String, String> acknowledgement, Map<String, String> disclaimer) {}

  @GetMapping("/api/v1/programmes/{id}/partners")
  @Operation(summary = "The organisations named on a programme, with their role (organisers)")
  List<Partner> list(@AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    Programme p = programmes.manageable(actor, ProgrammeApiController.pathId(id));
    return programmes.partners(p.id()).stream().map(ProgrammePartnerApiController::json).toList();
  }

  @PutMapping("/api/v1/programmes/{id}/partners/{organisationId}/{role}")
  @Operation(
      summary =
          "Name an organisation on a programme as ORGANISER, CO_ORGANISER, PARTNER or FUNDER"
              + " (organisers); idempotent")
  Partner put(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String organisationId,
      @PathVariable String role,
      @RequestBody(required = false) Texts body) {
    Programme p = programmes.manageable(actor, ProgrammeApiController.pathId(id));
    UUID org = uuid(organisationId);
    PartnerRole r = role(role);
    var problems = new InvalidInputException.Collector();
    problems.check(org != null, "organisationId", "validation.choice");
    problems.check(r != null, "role", "validation.choice");
    problems.throwIfAny();
    var existing =
        programmes.partners(p.id()).stream()
            .filter(x -> x.organisationId().equals(org) && x.role() == r)
            .findFirst();
    int position =
        existing.map(ProgrammePartner::position).orElse(programmes.partners(p.id()).size());
    Texts texts = body == null ? new Texts(null, null) : body;
    var partner =
        new ProgrammePartner(
            org,
            r,
            new LocalizedText(texts.acknowledgement() == null ? Map.of() : texts.acknowledgement()),
            new LocalizedText(texts.disclaimer() == null ? Map.of() : texts.disclaimer()),
            position);
    programmes.putPartner(actor, p.id(), partner);
    return json(partner);
  }

  @DeleteMapping("/api/v1/programmes/{id}/partners/{organisationId}/{role}")
  @Operation(summary = "Stop naming an organisation in that role (organisers)")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String organisationId,
      @PathVariable String role) {
    UUID pid = ProgrammeApiController.pathId(id);
    Programme p = programmes.manageable(actor, pid);
    UUID org = uuid(organisationId);
    PartnerRole r = role(role);
    boolean named =
        org != null
            && r != null
            && programmes.partners(p.id()).stream()
                .anyMatch(x -> x.organisationId().equals(org) && x.role() == r);
    if (!named) {
      throw new NotFoundException("programme.partner.notFound");
    }
    programmes.removePartner(actor, p.id(), org, r);
    return ResponseEntity.noContent().build();
  }

  private static Partner json(ProgrammePartner p) {
    return new Partner(
        p.organisationId().toString(),
        p.role().name(),
        p.acknowledgement().values(),
        p.disclaimer().values(),
        p.position());
  }

  private static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PartnerRole role(String s) {
    try {
      return PartnerRole.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
