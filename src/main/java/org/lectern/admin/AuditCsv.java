package org.lectern.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.audit.AuditEntry;

/** The audit entries as CSV; a cell that a spreadsheet would run as a formula is defused. */
final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "at",
          "actor_id",
          "actor",
          "action",
          "action_name",
          "organisation_id",
          "programme_id",
          "subject_type",
          "subject_id",
          "count",
          "details");

  private AuditCsv() {}

  static void write(List<AuditEntry> entries, UnaryOperator<String> actionName, Writer out)
      throws IOException {
    try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().get())) {
      csv.printRecord(HEADER);
      for (AuditEntry e : entries) {
        csv.printRecord(
            e.at().toString(),
            text(e.actorId()),
            safe(e.actorLabel()),
            e.action(),
            safe(actionName.apply(e.action())),
            text(e.organisationId()),
            text(e.programmeId()),
            safe(e.subjectType()),
            safe(e.subjectId()),
            e.count() == null ? "" : e.count().toString(),
            safe(e.details()));
      }
    }
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  // A cell starting with = + - @ (or a tab or carriage return) would run as a formula.
  static String safe(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
