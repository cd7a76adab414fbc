package org.lectern.certificate.document;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates an organisation's own signing key (EC P-256) with a self-signed certificate, so a
 * self-hosted installation can sign certificates without buying one from a CA.
 */
public final class SigningKeys {

  private SigningKeys() {}

  public static OrganisationSigningKey generateSelfSigned(
      String organisationName, Duration validity) {
    return generateSelfSigned(organisationName, validity, Clock.systemUTC(), new SecureRandom());
  }

  public static OrganisationSigningKey generateSelfSigned(
      String organisationName, Duration validity, Clock clock, SecureRandom random) {
    if (organisationName == null || organisationName.isBlank()) {
      throw new IllegalArgumentException("organisationName must not be blank");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate =
          selfSign(pair, subject(organisationName), clock.instant(), validity, random);
      return new OrganisationSigningKey(pair.getPrivate(), certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot create a signing key", e);
    }
  }

  private static X509Certificate selfSign(
      KeyPair pair, X500Name subject, Instant now, Duration validity, SecureRandom random)
      throws GeneralSecurityException, OperatorCreationException {
    Instant notBefore = now.minus(Duration.ofMinutes(5));
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(128, random),
            Date.from(notBefore),
            Date.from(now.plus(validity)),
            subject,
            pair.getPublic());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(pair.getPublic()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static X500Name subject(String organisationName) {
    String name = upTo64CodePoints(organisationName.strip());
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, name)
        .addRDN(BCStyle.O, name)
        .build();
  }

  // X.509 limits CN and O to 64 characters; long legal names are cut rather than refused.
  private static String upTo64CodePoints(String name) {
    int count = name.codePointCount(0, name.length());
    return count <= 64 ? name : name.substring(0, name.offsetByCodePoints(0, 64));
  }
}
