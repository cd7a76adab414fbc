package org.lectern.certificate;

import org.lectern.certificate.document.CertificateLanguage;

/** The certificate language of a registration: the language they registered in, else English. */
final class Languages {

  private Languages() {}

  static CertificateLanguage of(String registrationLanguage) {
    try {
      return registrationLanguage == null
          ? CertificateLanguage.EN
          : CertificateLanguage.fromTag(registrationLanguage);
    } catch (IllegalArgumentException e) {
      return CertificateLanguage.EN;
    }
  }
}
