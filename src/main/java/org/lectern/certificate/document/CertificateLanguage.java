package org.lectern.certificate.document;

import java.util.Locale;

/** The languages a certificate can be issued in; the holder chooses, the layout follows. */
public enum CertificateLanguage {
  EN("en"),
  RU("ru"),
  KK("kk");

  private final String tag;

  CertificateLanguage(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  public static CertificateLanguage fromTag(String tag) {
    for (CertificateLanguage language : values()) {
      if (language.tag.equalsIgnoreCase(tag)) {
        return language;
      }
    }
    throw new IllegalArgumentException("Unsupported certificate language: " + tag);
  }
}
