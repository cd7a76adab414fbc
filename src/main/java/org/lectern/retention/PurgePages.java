package org.lectern.retention;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/** What the purge page shows. */
public final class PurgePages {

  private PurgePages() {}

  /** A programme of the organisation, or the whole organisation ("organisation"). */
  public record Option(String value, String label, boolean selected) {}

  public record RequestRow(
      String id,
      String what,
      String requestedAt,
      boolean mine,
      String status,
      boolean canConfirm,
      boolean canCancel) {}

  public record PurgePage(
      String organisationId,
      String organisation,
      List<Option> options,
      String name,
      FormErrors errors,
      boolean soleAdministrator,
      boolean factorEnrolled,
      List<RequestRow> requests,
      String zone,
      String flash) {}
}
