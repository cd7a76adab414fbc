package org.lectern.admin;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * The audit log viewer: the filter as typed, its errors, one page of entries, the choices of the
 * filter's lists and the links to the neighbouring pages and the CSV export.
 */
public record AuditPage(
    AuditFilterForm form,
    FormErrors errors,
    List<Row> rows,
    List<Option> people,
    List<Option> actions,
    List<Option> programmes,
    String zone,
    int page,
    String previous,
    String next,
    String csv,
    boolean mayVerify) {

  /** One entry as shown, its time in the viewer's zone and its action translated. */
  public record Row(
      String at,
      String actor,
      String action,
      String code,
      String programme,
      String subject,
      String count,
      String details) {}

  /** A choice of a filter list. */
  public record Option(String value, String label, boolean selected) {}
}
