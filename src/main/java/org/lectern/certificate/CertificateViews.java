package org.lectern.certificate;

import org.lectern.certificate.document.CertificateCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How a stored certificate is named to people: readable code, verification URL, file name. */
@Component
public class CertificateViews {

  private final String baseUrl;

  CertificateViews(@Value("${lectern.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** XXXX-XXXX-XXXX-XXXX-XXXX. */
  public String code(Certificate c) {
    return CertificateCode.parse(c.code()).value();
  }

  public String verifyUrl(Certificate c) {
    return baseUrl + "/verify/" + code(c);
  }

  public String fileName(Certificate c) {
    return "certificate-" + code(c) + ".pdf";
  }
}
