package org.lectern.registration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A column a new registration is inserted with, its parameter and its SQL type: one list for the
 * single insert ({@link #INSERT}) and the group statement ({@link FreeSeats}), so that a column
 * added to one cannot be missing from the other.
 */
record InsertColumn(String name, String param, String type) {

  static final List<InsertColumn> ALL =
      List.of(
          new InsertColumn("id", "id", "uuid"),
          new InsertColumn("programme_id", "p", "uuid"),
          new InsertColumn("status", "status", "text"),
          new InsertColumn("waitlist_seq", "seq", "bigint"),
          new InsertColumn("email_index", "ei", "text"),
          new InsertColumn("email", "email", "bytea"),
          new InsertColumn("full_name", "name", "bytea"),
          new InsertColumn("phone", "phone", "bytea"),
          new InsertColumn("town", "town", "bytea"),
          new InsertColumn("licence_number", "licence", "bytea"),
          new InsertColumn("accessibility", "access", "bytea"),
          new InsertColumn("decision_message", "message", "bytea"),
          new InsertColumn("region", "region", "text"),
          new InsertColumn("country", "country", "text"),
          new InsertColumn("profession", "profession", "text"),
          new InsertColumn("years_band", "years", "text"),
          new InsertColumn("gender", "gender", "text"),
          new InsertColumn("bar_member", "bar", "boolean"),
          new InsertColumn("language", "lang", "text"),
          new InsertColumn("consent_id", "consent", "uuid"),
          new InsertColumn("consent_language", "consentLang", "text"),
          new InsertColumn("invitation_id", "invitation", "uuid"),
          new InsertColumn("created_at", "created", "timestamptz"),
          new InsertColumn("updated_at", "updated", "timestamptz"));

  /**
   * The group statement's parameter of this column ({@code a_} and the single insert's name): an
   * array of the column's type, sent as text (bytea as bytes) and cast, one element per row.
   */
  String arrayParam() {
    return "cast(:a_" + param + " as " + type + "[])";
  }

  /**
   * This column's values of the given rows (their {@link RegistrationRepository#insertParams}) as
   * the array {@link #arrayParam} takes: {@code byte[][]} for bytea, else the values as text
   * (instants in ISO form, so that the session's time zone plays no part).
   */
  Object column(List<java.util.Map<String, Object>> rows) {
    if (type.equals("bytea")) {
      byte[][] out = new byte[rows.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte[]) rows.get(i).get(param);
      }
      return out;
    }
    String[] out = new String[rows.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = rows.get(i).get(param);
      out[i] =
          v == null
              ? null
              : v instanceof java.sql.Timestamp t ? t.toInstant().toString() : v.toString();
    }
    return out;
  }

  /** The column names, comma-separated, in order. */
  static String names() {
    return ALL.stream().map(InsertColumn::name).collect(Collectors.joining(", "));
  }

  /** The single insert, with one named parameter per column. */
  static final String INSERT =
      "insert into registration ("
          + names()
          + ")\nvalues ("
          + ALL.stream().map(c -> ":" + c.param()).collect(Collectors.joining(", "))
          + ")\n";
}
