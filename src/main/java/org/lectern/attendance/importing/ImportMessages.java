package org.lectern.attendance.importing;

import org.lectern.attendance.report.ReportFormatException;
import org.lectern.attendance.report.ReportWarning;

/** A refused import or a reader's warning as a sentence in the reader's language, with its line. */
final class ImportMessages {

  /** Message look-up in one language: {@code ui::t}, or a MessageSource with a locale. */
  interface Words {
    String t(String key, Object... args);
  }

  private ImportMessages() {}

  static String of(ImportRefused e, Words words) {
    Object[] args = e.args();
    if (ReportFormatException.UNREADABLE.equals(e.code())
        && args.length == 1
        && args[0] instanceof String reason) {
      // The reader names why in one word (binary, encoding, csv, json): said in the reader's
      // language, never the word itself.
      args = new Object[] {words.t(ReportFormatException.UNREADABLE + "." + reason)};
    }
    return atLine(e.line(), words.t(e.code(), args), words);
  }

  static String of(ReportWarning w, Words words) {
    return atLine(w.line(), words.t(w.code(), w.args().toArray()), words);
  }

  private static String atLine(int line, String reason, Words words) {
    return line > 0 ? words.t("attendance.import.atLine", String.valueOf(line), reason) : reason;
  }
}
