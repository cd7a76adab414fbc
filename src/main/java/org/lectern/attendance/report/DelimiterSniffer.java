package org.lectern.attendance.report;

import java.util.List;

/**
 * Finds the field delimiter from the text itself: Teams writes tabs, Zoom commas, and a European
 * Excel re-save semicolons; the file name or extension says nothing reliable.
 */
final class DelimiterSniffer {

  private static final char[] CANDIDATES = {'\t', ',', ';'};
  private static final int SAMPLE_LINES = 60;

  private DelimiterSniffer() {}

  static char sniff(String text) {
    List<String> lines = text.lines().limit(SAMPLE_LINES).toList();
    char best = ',';
    int bestLines = -1;
    int bestTotal = -1;
    for (char candidate : CANDIDATES) {
      int linesWith = 0;
      int total = 0;
      for (String line : lines) {
        int count = countOutsideQuotes(line, candidate);
        linesWith += count > 0 ? 1 : 0;
        total += count;
      }
      if (linesWith > bestLines || (linesWith == bestLines && total > bestTotal)) {
        best = candidate;
        bestLines = linesWith;
        bestTotal = total;
      }
    }
    rejectMixed(lines, best);
    return best;
  }

  /**
   * A file whose lines use different delimiters (a list pasted together from two exports) would be
   * read into garbage; refuse it and name the first line that disagrees.
   */
  private static void rejectMixed(List<String> lines, char chosen) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (countOutsideQuotes(line, chosen) > 0) {
        continue;
      }
      for (char other : CANDIDATES) {
        if (other != chosen && countOutsideQuotes(line, other) >= 2) {
          throw new ReportFormatException(
              ReportFormatException.MIXED_DELIMITERS, i + 1, 0, String.valueOf(chosen));
        }
      }
    }
  }

  static int countOutsideQuotes(String line, char delimiter) {
    boolean quoted = false;
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }
}
