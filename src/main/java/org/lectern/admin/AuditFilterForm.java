package org.lectern.admin;

/** The audit viewer's filter as typed (all optional; dates as yyyy-mm-dd in the viewer's zone). */
public record AuditFilterForm(
    String person, String action, String programme, String from, String to) {

  public AuditFilterForm {
    person = clean(person);
    action = clean(action);
    programme = clean(programme);
    from = clean(from);
    to = clean(to);
  }

  private static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() > 100 ? t.substring(0, 100) : t;
  }

  /** The filter as a query string (for the paging and export links). */
  String query() {
    return "person="
        + enc(person)
        + "&action="
        + enc(action)
        + "&programme="
        + enc(programme)
        + "&from="
        + enc(from)
        + "&to="
        + enc(to);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
