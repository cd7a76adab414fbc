package org.lectern.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.reference.Regions;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.lectern.shared.web.api.Paging;
import org.lectern.shared.web.api.TextValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/organisations} (API.md): set up, list, read and change organisations. */
@RestController
@Tag(name = "Organisations")
record OrganisationApiController(
    OrganisationService organisations,
    OrganisationRoster members,
    Regions regions,
    @Value("${lectern.base-url}") String baseUrl,
    org.lectern.identity.SecondFactorRules secondFactors,
    org.lectern.identity.StepUp stepUp) {

  record OrganisationBody(
      TextValue name,
      @Size(max = 80) String slug,
      @Size(max = 100) String shortName,
      @Size(max = 400) String website,
      @Size(max = 30) List<@Size(max = 10) String> mainCentres,
      @Size(max = 300) String certificateSigner,
      @Size(max = 200) String mailSenderName,
      @Size(max = 20) String secondFactor) {}

  @PostMapping("/api/v1/organisations")
  @Operation(
      summary =
          "Set up an organisation (platform administrator; the creator becomes its ADMIN)."
              + " Without slug one is made from the name; mainCentres default to KZ-75, KZ-71")
  ResponseEntity<?> create(
      IdempotentCreate creation, @Valid @RequestBody OrganisationBody body, Ui ui) {
    return creation.run(
        Json.write(body),
        () -> {
          var settings =
              settings(
                  body,
                  TextValue.orEmpty(body.name(), ui.lang()),
                  null,
                  null,
                  OrganisationService.DEFAULT_MAIN_CENTRES,
                  null,
                  null);
          Organisation o = organisations.create(creation.actor(), body.slug(), settings);
          return ResponseEntity.created(URI.create("/api/v1/organisations/" + o.id()))
              .body(
                  OrganisationJson.of(
                      o, baseUrl, OrganisationRole.ADMIN, secondFactors.policy(o.id())));
        });
  }

  @GetMapping("/api/v1/organisations")
  @Operation(summary = "The caller's organisations (all of them for a platform administrator)")
  ResponseEntity<List<OrganisationJson>> list(
      @AuthenticationPrincipal LecternUser actor,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    var page = organisations.visibleTo(actor, paging.limit(), paging.offset());
    return ResponseEntity.ok()
        .header(Paging.TOTAL_HEADER, String.valueOf(page.total()))
        .body(page.items().stream().map(o -> json(o, actor)).toList());
  }

  @GetMapping("/api/v1/organisations/{id}")
  OrganisationJson get(@AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    return json(organisations.visible(actor, pathId(id)), actor);
  }

  @PatchMapping("/api/v1/organisations/{id}")
  @Operation(summary = "Change an organisation's settings (its ADMINs); absent fields stay")
  OrganisationJson patch(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @Valid @RequestBody OrganisationBody body,
      Ui ui,
      jakarta.servlet.http.HttpServletRequest request) {
    Organisation o = organisations.administrable(actor, pathId(id));
    if (body.slug() != null && !body.slug().equals(o.slug())) {
      throw InvalidInputException.of("slug", "organisation.slugFixed");
    }
    var policy =
        body.secondFactor() == null
            ? null
            : org.lectern.identity.SecondFactorPolicy.parse(body.secondFactor())
                .orElseThrow(() -> InvalidInputException.of("secondFactor", "validation.choice"));
    if (policy != null && policy != secondFactors.policy(o.id())) {
      // A policy change is sensitive: a fresh second factor first, before anything changes.
      stepUp.require(actor, request);
    }
    var settings =
        settings(
            body,
            body.name() == null ? o.name() : body.name().in(ui.lang()),
            o.shortName(),
            o.website(),
            o.mainCentres(),
            o.certificateSigner(),
            o.mailSenderName());
    var updated = organisations.update(actor, o.id(), settings);
    if (policy != null) {
      secondFactors.setPolicy(actor, o.id(), policy);
    }
    return json(updated, actor);
  }

  @org.springframework.web.bind.annotation.RequestMapping(
      value = "/api/v1/organisations/{id}/logo",
      method = {
        org.springframework.web.bind.annotation.RequestMethod.PUT,
        org.springframework.web.bind.annotation.RequestMethod.POST
      },
      consumes = "multipart/form-data")
  @Operation(summary = "Upload the logo: a PNG (≤ 1 MB, ≤ 4096 px) or an SVG without scripts")
  OrganisationJson putLogo(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestPart("file") MultipartFile file) {
    Organisation o = organisations.administrable(actor, pathId(id));
    organisations.setLogo(actor, o.id(), OrganisationLogo.read(Uploads.of(file)));
    return json(organisations.visible(actor, o.id()), actor);
  }

  @DeleteMapping("/api/v1/organisations/{id}/logo")
  ResponseEntity<Void> deleteLogo(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    organisations.setLogo(actor, pathId(id), null);
    return ResponseEntity.noContent().build();
  }

  private OrganisationSettings settings(
      OrganisationBody b,
      org.lectern.shared.i18n.LocalizedText name,
      String shortName,
      String website,
      List<String> centres,
      String signer,
      String sender) {
    var problems = new InvalidInputException.Collector();
    return OrganisationSettings.validate(
        name,
        b.shortName() == null ? shortName : b.shortName(),
        b.website() == null ? website : b.website(),
        b.mainCentres() == null ? centres : b.mainCentres(),
        b.certificateSigner() == null ? signer : b.certificateSigner(),
        b.mailSenderName() == null ? sender : b.mailSenderName(),
        c -> regions.find(c).isPresent(),
        problems);
  }

  private OrganisationJson json(Organisation o, LecternUser actor) {
    var role = members.roleOf(o.id(), actor.id()).orElse(null);
    // Only those who may change the rule see it.
    boolean admin = actor.platformAdmin() || role == OrganisationRole.ADMIN;
    return OrganisationJson.of(o, baseUrl, role, admin ? secondFactors.policy(o.id()) : null);
  }

  static UUID pathId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.notFound");
    }
  }
}
