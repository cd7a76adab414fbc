package org.lectern.certificate.document;

import java.time.Duration;

/** Keys made once per test JVM: EC key generation is cheap but not free. */
final class TestKeys {

  static final OrganisationSigningKey ORGANISATION =
      SigningKeys.generateSelfSigned("Қазақстан заңгерлер одағы", Duration.ofDays(3650));

  static final OrganisationSigningKey STRANGER =
      SigningKeys.generateSelfSigned("Қазақстан заңгерлер одағы", Duration.ofDays(3650));

  private TestKeys() {}
}
