package org.lectern.attendance.report;

import java.util.List;

/**
 * A file that cannot be turned into attendance, with a stable message key and the place where
 * reading failed so the organiser can fix the file or pick another one.
 */
public class ReportFormatException extends RuntimeException {

  public static final String UNREADABLE = "attendance.import.unreadable";
  public static final String TOO_LARGE = "attendance.import.tooLarge";
  public static final String EMPTY = "attendance.import.empty";
  public static final String UNKNOWN_FORMAT = "attendance.import.unknownFormat";
  public static final String MIXED_DELIMITERS = "attendance.import.mixedDelimiters";
  public static final String MISSING_COLUMN = "attendance.import.missingColumn";
  public static final String BAD_DATE = "attendance.import.badDate";
  public static final String BAD_DURATION = "attendance.import.badDuration";
  public static final String INCONSISTENT_DATES = "attendance.import.inconsistentDates";
  public static final String AMBIGUOUS_DATES = "attendance.import.ambiguousDates";
  public static final String AMBIGUOUS_MEETING = "attendance.import.ambiguousMeeting";
  public static final String UNKNOWN_MEETING = "attendance.import.unknownMeeting";

  private final String code;
  private final int line;
  private final int column;
  private final List<String> args;

  /**
   * @param line 1-based line in the decoded text, 0 when the problem is the whole file
   * @param column 1-based column (field) on that line, 0 when not about one field
   */
  public ReportFormatException(String code, int line, int column, String... args) {
    super(code + " at " + line + ":" + column + " " + List.of(args));
    this.code = code;
    this.line = line;
    this.column = column;
    this.args = List.of(args);
  }

  public static ReportFormatException ofFile(String code, String... args) {
    return new ReportFormatException(code, 0, 0, args);
  }

  public String code() {
    return code;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** Message arguments for the code's message, already formatted as text. */
  public List<String> args() {
    return args;
  }
}
