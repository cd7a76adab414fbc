package org.lectern.reporting;

import java.util.OptionalInt;
import java.util.UUID;
import org.lectern.certificate.IssuedCertificates;
import org.springframework.stereotype.Component;

/** Valid certificates of a programme, as the certificate feature counts them. */
@Component
record IssuedCertificateFigures(IssuedCertificates certificates) implements CertificateFigures {

  @Override
  public OptionalInt issued(UUID programmeId) {
    return OptionalInt.of(certificates.valid(programmeId));
  }
}
