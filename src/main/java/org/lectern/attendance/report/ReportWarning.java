package org.lectern.attendance.report;

import java.util.List;

/**
 * Something the reader had to assume, reported with a message key so the organiser reads it in
 * their own language. {@code line} is 1-based, 0 when the warning concerns the whole file.
 */
public record ReportWarning(String code, int line, List<String> args) {

  public ReportWarning {
    args = List.copyOf(args);
  }

  public static ReportWarning of(String code, int line, String... args) {
    return new ReportWarning(code, line, List.of(args));
  }
}
