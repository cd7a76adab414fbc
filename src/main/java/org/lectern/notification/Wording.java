package org.lectern.notification;

import java.time.Instant;
import java.time.ZoneId;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.time.TimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Message keys and dates in a delegate's language, outside of any web request. */
@Component
record Wording(MessageSource messages) {

  String t(String lang, String key, Object... args) {
    return messages.getMessage(key, args, language(lang).locale());
  }

  static Language language(String lang) {
    return Language.fromCode(lang).orElse(Language.EN);
  }

  String date(String lang, Instant at, ZoneId zone) {
    return new TimeFormat(language(lang).locale()).date(at, zone);
  }

  String range(String lang, Instant start, Instant end, ZoneId zone) {
    return new TimeFormat(language(lang).locale()).range(start, end, zone);
  }

  String dateTime(String lang, Instant at, ZoneId zone) {
    return new TimeFormat(language(lang).locale()).dateTime(at, zone);
  }
}
