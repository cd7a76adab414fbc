package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  @Test
  void generatesAnEcP256KeyWithASelfSignedCertificateForTheOrganisation() throws Exception {
    Instant now = Instant.parse("2025-01-15T10:00:00Z");
    OrganisationSigningKey key =
        SigningKeys.generateSelfSigned(
            "Адвокатская палата, г. Алматы",
            Duration.ofDays(365),
            Clock.fixed(now, ZoneOffset.UTC),
            new SecureRandom());

    assertThat(key.privateKey()).isInstanceOf(ECPrivateKey.class);
    assertThat(((ECPrivateKey) key.privateKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(key.certificate().getSubjectX500Principal())
        .isEqualTo(key.certificate().getIssuerX500Principal());
    assertThat(key.certificate().getSubjectX500Principal().getName())
        .contains("Адвокатская палата\\, г. Алматы");
    key.certificate().verify(key.certificate().getPublicKey());
    key.certificate().checkValidity(java.util.Date.from(now.plus(Duration.ofDays(364))));
    assertThatThrownBy(
            () ->
                key.certificate()
                    .checkValidity(java.util.Date.from(now.plus(Duration.ofDays(366)))))
        .isInstanceOf(java.security.cert.CertificateExpiredException.class);
    assertThat(key.certificate().getKeyUsage()[0]).as("digitalSignature").isTrue();
  }

  @Test
  void pemRoundTripsKeyAndCertificate() {
    OrganisationSigningKey key = TestKeys.ORGANISATION;

    String keyPem = key.privateKeyPem();
    String certificatePem = key.certificatePem();
    OrganisationSigningKey restored = OrganisationSigningKey.fromPem(keyPem, certificatePem);

    assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(certificatePem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(restored.certificate()).isEqualTo(key.certificate());
    assertThat(restored.privateKey().getEncoded()).isEqualTo(key.privateKey().getEncoded());
  }

  @Test
  void pemOfTheWrongKindIsRefused() {
    OrganisationSigningKey key = TestKeys.ORGANISATION;

    assertThatThrownBy(
            () -> OrganisationSigningKey.fromPem(key.certificatePem(), key.certificatePem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PrivateKeyInfo");
    assertThatThrownBy(() -> OrganisationSigningKey.certificateFromPem("not pem"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longOrganisationNamesFitX509Limits() {
    String name = "Ұ".repeat(100);

    OrganisationSigningKey key = SigningKeys.generateSelfSigned(name, Duration.ofDays(1));

    assertThat(key.certificate().getSubjectX500Principal().getName())
        .contains("Ұ".repeat(64))
        .doesNotContain("Ұ".repeat(65));
  }
}
