package org.lectern.attendance.report;

/** A cleaned value with its place in the file, so errors can name line and column. */
record Cell(String text, int line, int column) {

  boolean isMissing() {
    return Text.isMissing(text);
  }

  ReportFormatException error(String code, String... args) {
    return new ReportFormatException(code, line, column, args);
  }
}
