package org.lectern.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.api.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/programmes/{id}/partners}: the organisations named on a programme and their role —
 * {@code CO_ORGANISER} gives the organisation's members the running of this programme — and {@code
 * /api/v1/organisations/{id}/partner-proposals}: where an organisation's administrators agree to be
 * named, or decline (ADR 0010, amendment).
 */
@RestController
@Tag(name = "Programmes")
record ProgrammePartnerApiController(ProgrammeService programmes, ProgrammePartners partners) {

  /**
   * An organisation named on a programme. {@code status}: {@code ACCEPTED} (it counts: public
   * pages, certificates, a co-organiser's rights) or {@code PROPOSED} (awaiting the agreement of an
   * administrator of that organisation; gives nothing); a proposal has no {@code position} yet.
   */
  record Partner(
      String organisationId,
      String role,
      String status,
      Map<String, String> acknowledgement,
      Map<String, String> disclaimer,
      Integer position) {}

  /** A proposal made to an organisation, as its administrators see it. */
  record Proposal(
      String programmeId,
      String role,
      String status,
      Map<String, String> acknowledgement,
      Map<String, String> disclaimer) {}

  record Texts(Map<String, String> acknowledgement, Map<String, String> disclaimer) {}

  @GetMapping("/api/v1/programmes/{id}/partners")
  @Operation(
      summary =
          "The organisations named on a programme, with their role and status (ACCEPTED, or"
              + " PROPOSED while awaiting the organisation's agreement) (organisers)")
  List<Partner> list(@AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    Programme p = programmes.manageable(actor, ProgrammeApiController.pathId(id));
    return Stream.concat(
            programmes.partners(p.id()).stream().map(x -> json(x, true)),
            programmes.proposals(p.id()).stream().map(x -> json(x, false)))
        .toList();
  }

  @PutMapping("/api/v1/programmes/{id}/partners/{organisationId}/{role}")
  @Operation(
      summary =
          "Name an organisation on a programme as ORGANISER, CO_ORGANISER, PARTNER or FUNDER"
              + " (organisers); idempotent",
      description =
          "The programme's own organisation, or one the caller administers, is named at once: 200"
              + " with status ACCEPTED. Any other organisation is only proposed: 202 with status"
              + " PROPOSED, and it gives nothing — no rights, no mention on public pages — until an"
              + " administrator of that organisation accepts (POST"
              + " /api/v1/organisations/{organisationId}/partner-proposals/{programmeId}/{role}/acceptance)."
              + " An id of no organisation gets the same 202 and nothing is stored, so the answer"
              + " never tells which organisations exist.")
  ResponseEntity<Partner> put(
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
    boolean named = partners.putPartner(actor, p.id(), partner) == ProgrammePartners.Naming.NAMED;
    return ResponseEntity.status(named ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(json(partner, named));
  }

  @DeleteMapping("/api/v1/programmes/{id}/partners/{organisationId}/{role}")
  @Operation(
      summary = "Stop naming an organisation in that role, or withdraw the proposal (organisers)")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String organisationId,
      @PathVariable String role) {
    Programme p = programmes.manageable(actor, ProgrammeApiController.pathId(id));
    partners.removePartner(actor, p.id(), uuid(organisationId), role(role));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/organisations/{id}/partner-proposals")
  @Operation(
      tags = "Organisations",
      summary =
          "Programmes of other organisations that propose to name this one, awaiting its"
              + " agreement; with status=ACCEPTED those that name it with its agreement (the"
              + " organisation's administrators; 404 for anyone else)")
  ResponseEntity<List<Proposal>> proposals(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    boolean accepted = "ACCEPTED".equals(status);
    if (status != null && !accepted && !"PROPOSED".equals(status)) {
      throw InvalidInputException.of("status", "validation.choice");
    }
    var all =
        accepted ? partners.partnershipsOf(actor, uuid(id)) : partners.proposalsTo(actor, uuid(id));
    return ResponseEntity.ok()
        .header(Paging.TOTAL_HEADER, String.valueOf(all.size()))
        .body(
            all.stream()
                .skip(paging.offset())
                .limit(paging.limit())
                .map(
                    x ->
                        new Proposal(
                            x.programmeId().toString(),
                            x.partner().role().name(),
                            accepted ? "ACCEPTED" : "PROPOSED",
                            x.partner().acknowledgement().values(),
                            x.partner().disclaimer().values()))
                .toList());
  }

  @PostMapping("/api/v1/organisations/{id}/partner-proposals/{programmeId}/{role}/acceptance")
  @Operation(
      tags = "Organisations",
      summary =
          "Accept a proposal: the organisation is named on the programme from now on (its"
              + " administrators; 404 for anyone else or no such proposal, 409 when accepted"
              + " already)")
  ResponseEntity<Void> accept(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String programmeId,
      @PathVariable String role) {
    partners.acceptProposal(actor, uuid(id), uuid(programmeId), role(role));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/organisations/{id}/partner-proposals/{programmeId}/{role}")
  @Operation(
      tags = "Organisations",
      summary =
          "Decline a proposal, or withdraw the organisation's name from a programme it accepted"
              + " (the partner leaves; a co-organiser's members lose the programme): it is deleted"
              + " and audited (the organisation's administrators; 404 for anyone else or none)")
  ResponseEntity<Void> decline(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String programmeId,
      @PathVariable String role) {
    partners.declineProposal(actor, uuid(id), uuid(programmeId), role(role));
    return ResponseEntity.noContent().build();
  }

  private static Partner json(ProgrammePartner p, boolean accepted) {
    return new Partner(
        p.organisationId().toString(),
        p.role().name(),
        accepted ? "ACCEPTED" : "PROPOSED",
        p.acknowledgement().values(),
        p.disclaimer().values(),
        accepted ? p.position() : null);
  }

  private static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PartnerRole role(String s) {
    try {
      return s == null ? null : PartnerRole.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
