package org.lectern.shared.text;

/**
 * Text for a cell of a CSV or XLSX export. A spreadsheet program runs a cell that starts with
 * {@code = + - @} (or a tab or line break before one) as a formula — a delegate's name or a poll
 * option could then fetch a URL or run a command on the organiser's computer. Such text gets a
 * leading apostrophe, the spreadsheet's own "this is text" mark (OWASP's CSV injection advice).
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  public static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return startsLikeAFormula(s) ? "'" + s : s;
  }

  static boolean startsLikeAFormula(String s) {
    char first = s.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return true;
    }
    String rest = s.stripLeading();
    if (rest.isEmpty()) {
      return false;
    }
    char c = rest.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '＝' || c == '＋' || c == '－'
        || c == '＠';
  }
}
