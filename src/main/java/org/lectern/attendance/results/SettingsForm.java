package org.lectern.attendance.results;

import java.net.URI;
import org.lectern.attendance.CompletionRule;
import org.lectern.attendance.join.ProviderSettings;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;

/** The programme's attendance settings form, read field by field (no binding onto records). */
public record SettingsForm(
    String minPercent,
    String minSessions,
    String jitsiServer,
    boolean jitsiEmbed,
    String bbbServer,
    String bbbSecret) {

  static SettingsForm from(FormData f) {
    return new SettingsForm(
        f.get("minPercent"),
        f.get("minSessions"),
        f.get("jitsiServer"),
        f.checked("jitsiEmbed"),
        f.get("bbbServer"),
        f.raw("bbbSecret").strip());
  }

  static SettingsForm of(CompletionRule rule, ProviderSettings p) {
    return new SettingsForm(
        String.valueOf(rule.minPercent()),
        String.valueOf(rule.minSessions()),
        p.jitsiServer() == null ? "" : p.jitsiServer(),
        p.jitsiEmbed(),
        p.bbbServer() == null ? "" : p.bbbServer(),
        "");
  }

  CompletionRule rule() {
    return CompletionRule.of(number(minPercent), number(minSessions));
  }

  ProviderSettings providers() {
    var problems = new InvalidInputException.Collector();
    problems.check(server(jitsiServer), "jitsiServer", "attendance.provider.badUrl");
    problems.check(server(bbbServer), "bbbServer", "attendance.provider.badUrl");
    problems.check(
        !jitsiEmbed || !jitsiServer.isEmpty(),
        "jitsiServer",
        "attendance.provider.embedNeedsServer");
    problems.throwIfAny();
    return new ProviderSettings(
        jitsiServer.isEmpty() ? null : jitsiServer,
        jitsiEmbed,
        bbbServer.isEmpty() ? null : bbbServer,
        bbbSecret.isEmpty() ? null : bbbSecret);
  }

  private static boolean server(String s) {
    if (s.isEmpty()) {
      return true;
    }
    try {
      URI u = URI.create(s);
      return "https".equals(u.getScheme()) && u.getHost() != null && u.getRawQuery() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Integer number(String s) {
    return s.matches("\\d{1,6}") ? Integer.valueOf(s) : null;
  }
}
