package org.lectern.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.certificate.document.CertificateLabels;
import org.lectern.certificate.document.CertificateLanguage;
import org.lectern.organisation.Organisation;
import org.lectern.session.Session;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words printed on a certificate in one language, from the message bundles: fixed labels,
 * delivery mode, topics (ICCPR article subjects) and the title — or their topic-neutral stand-ins.
 */
@Component
record CertificateWording(MessageSource messages) {

  private static final List<String> ALL = List.of("en", "ru", "kk");

  String t(CertificateLanguage language, String key, Object... args) {
    return messages.getMessage(key, args, language.locale());
  }

  CertificateLabels labels(CertificateLanguage language) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : CertificateLabels.KEYS) {
      // No arguments: the text comes back unformatted, the engine formats {0} of "module" itself.
      texts.put(key, messages.getMessage("certificate.label." + key, null, language.locale()));
    }
    return new CertificateLabels(texts);
  }

  String title(ProgrammeRecord r, CertificateLanguage language) {
    String lang = language.tag();
    if (!r.settings().topicNeutral()) {
      return r.programme().title(lang);
    }
    String neutral = r.settings().neutralTitle().in(lang, r.programme().languages());
    return neutral == null || neutral.isBlank() ? t(language, "certificate.neutralTitle") : neutral;
  }

  String mode(ProgrammeRecord r, CertificateLanguage language) {
    return r.mode() == null ? "" : t(language, "certificate.mode." + r.mode().name());
  }

  /**
   * Topics: ICCPR article subjects, else session titles. Topic-neutral certificates print only
   * "Module N" lines, one per session, so no topic text is passed on at all.
   */
  List<String> topics(ProgrammeRecord r, CertificateLanguage language) {
    if (r.settings().topicNeutral()) {
      return r.sessions().stream().map(s -> "-").toList();
    }
    if (!r.articles().isEmpty()) {
      return r.articles().stream()
          .map(n -> t(language, "iccpr.article." + n + ".subject"))
          .toList();
    }
    return r.sessions().stream()
        .map(Session::title)
        .map(title -> title.in(language.tag(), r.programme().languages()))
        .toList();
  }

  String name(Organisation o, CertificateLanguage language) {
    String name = o.name().in(language.tag(), ALL);
    return name == null || name.isBlank() ? o.slug() : name;
  }
}
