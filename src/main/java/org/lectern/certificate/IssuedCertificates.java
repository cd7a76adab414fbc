package org.lectern.certificate;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How many valid certificates a programme has, for reports. It checks no rights: the caller (the
 * report) has checked who may see the programme's figures.
 */
@Component
public record IssuedCertificates(CertificateRepository certificates) {

  public int valid(UUID programmeId) {
    return certificates.count(programmeId, true);
  }
}
