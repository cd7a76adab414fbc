package org.lectern.attendance;

import java.util.Locale;
import org.lectern.attendance.report.ReportWarning;
import org.springframework.context.MessageSource;

/** A refused import or a reader's warning as a sentence in the reader's language, with its line. */
final class ImportMessages {

  private ImportMessages() {}

  static String of(ImportRefused e, MessageSource messages, Locale locale) {
    String reason = messages.getMessage(e.code(), e.args(), e.code(), locale);
    return e.line() > 0 ? atLine(e.line(), reason, messages, locale) : reason;
  }

  static String of(ReportWarning w, MessageSource messages, Locale locale) {
    String reason = messages.getMessage(w.code(), w.args().toArray(), w.code(), locale);
    return w.line() > 0 ? atLine(w.line(), reason, messages, locale) : reason;
  }

  private static String atLine(int line, String reason, MessageSource messages, Locale locale) {
    return messages.getMessage(
        "attendance.import.atLine", new Object[] {String.valueOf(line), reason}, locale);
  }
}
