package org.lectern.retention;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/** Typed views of the retention pages. */
public final class RetentionPages {

  private RetentionPages() {}

  /** A programme's period: the form (blank: the organisation's default) and what it means. */
  public record ProgrammePage(
      String programmeId,
      String title,
      String months,
      FormErrors errors,
      String defaultMonths,
      String effectiveMonths,
      String lastSession,
      String dueAt,
      String anonymisedAt,
      String zone,
      String flash) {}

  /** An organisation's default period. */
  public record OrganisationPage(
      String organisationId,
      String name,
      String months,
      FormErrors errors,
      String installationMonths,
      String flash) {}

  /** When each programme the person manages will be anonymised. */
  public record SchedulePage(List<Row> rows, String zone) {}

  public record Row(
      String programmeId,
      String title,
      String lastSession,
      String months,
      String dueAt,
      boolean anonymised,
      String anonymisedAt) {}

  /** The confirmation page, or (after the erasure) its outcome. */
  public record ErasurePage(
      String registrationId, String programmeId, String programme, int reach, Integer erased) {}
}
