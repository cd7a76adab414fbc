package org.lectern.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/programmes/{id}/retention} and {@code /api/v1/organisations/{id}/retention}: the
 * retention period in months (a programme's own, or null for the organisation's default) and when
 * the programme's personal data will be, or was, anonymised.
 */
@RestController
@Tag(name = "Retention")
record RetentionApiController(Retention retention) {

  record Months(Integer months) {}

  record ProgrammeRetention(
      Integer months,
      int effectiveMonths,
      Instant lastSessionEndsAt,
      Instant anonymiseAt,
      Instant anonymisedAt) {

    static ProgrammeRetention of(RetentionPeriod p) {
      return new ProgrammeRetention(
          p.programmeMonths(), p.months(), p.lastSessionEnd(), p.dueAt(), p.anonymisedAt());
    }
  }

  record OrganisationRetention(Integer months, int installationMonths) {}

  @GetMapping("/api/v1/programmes/{id}/retention")
  @Operation(summary = "A programme's retention period and anonymisation date (organisers)")
  ProgrammeRetention programme(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    return ProgrammeRetention.of(retention.period(actor, RetentionController.uuid(id)));
  }

  @PutMapping("/api/v1/programmes/{id}/retention")
  @org.lectern.identity.FreshSecondFactor
  @Operation(summary = "Set a programme's own period (1–120 months; null: the organisation's)")
  ProgrammeRetention setProgramme(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestBody Months body) {
    Integer m = body == null ? null : body.months();
    return ProgrammeRetention.of(
        retention.setProgrammeMonths(
            actor, RetentionController.uuid(id), m == null ? null : m.toString()));
  }

  @GetMapping("/api/v1/organisations/{id}/retention")
  @Operation(summary = "An organisation's default period (its administrators)")
  OrganisationRetention organisation(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    UUID org = RetentionController.uuid(id);
    return new OrganisationRetention(
        retention.organisationMonths(actor, org), retention.installationMonths());
  }

  @PutMapping("/api/v1/organisations/{id}/retention")
  @org.lectern.identity.FreshSecondFactor
  @Operation(summary = "Set an organisation's default period (1–120 months)")
  OrganisationRetention setOrganisation(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestBody Months body) {
    UUID org = RetentionController.uuid(id);
    Integer m = body == null ? null : body.months();
    retention.setOrganisationMonths(actor, org, m == null ? "" : m.toString());
    return new OrganisationRetention(
        retention.organisationMonths(actor, org), retention.installationMonths());
  }
}
