package org.lectern.certificate.document;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateIntervalFormat;
import com.ibm.icu.util.DateInterval;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.FieldPosition;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Dates as people write them in each language ("3–5 March 2025", "3–5 марта 2025 г."), via ICU. */
final class CertificateDates {

  private static final String SKELETON = "yMMMMd";

  private final ULocale locale;

  CertificateDates(CertificateLanguage language) {
    this.locale = ULocale.forLanguageTag(language.tag());
  }

  String date(LocalDate date) {
    DateFormat format = DateFormat.getInstanceForSkeleton(SKELETON, locale);
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format.format(millis(date));
  }

  String range(LocalDate first, LocalDate last) {
    DateIntervalFormat format = DateIntervalFormat.getInstance(SKELETON, locale);
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format
        .format(
            new DateInterval(millis(first), millis(last)), new StringBuffer(), new FieldPosition(0))
        .toString();
  }

  private static long millis(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
