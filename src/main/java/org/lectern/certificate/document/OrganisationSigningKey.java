package org.lectern.certificate.document;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * The key an organisation signs its certificates with, and the X.509 certificate it publishes so
 * anyone can check them offline. PEM (PKCS#8 key, X.509 certificate) so the app can store and back
 * it up as text; the app must encrypt the private key PEM at rest.
 */
public record OrganisationSigningKey(PrivateKey privateKey, X509Certificate certificate) {

  public OrganisationSigningKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** The private key as an unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). */
  public String privateKeyPem() {
    try {
      return pem(new JcaPKCS8Generator(privateKey, null).generate());
    } catch (PemGenerationException e) {
      throw new IllegalStateException("Cannot encode the private key", e);
    }
  }

  /** The public certificate as PEM ("-----BEGIN CERTIFICATE-----"), safe to publish. */
  public String certificatePem() {
    return pem(certificate);
  }

  public static OrganisationSigningKey fromPem(String privateKeyPem, String certificatePem) {
    PrivateKeyInfo keyInfo = readPem(privateKeyPem, PrivateKeyInfo.class);
    try {
      PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
      return new OrganisationSigningKey(key, certificateFromPem(certificatePem));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a usable PKCS#8 private key", e);
    }
  }

  public static X509Certificate certificateFromPem(String certificatePem) {
    X509CertificateHolder holder = readPem(certificatePem, X509CertificateHolder.class);
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not a usable X.509 certificate", e);
    }
  }

  private static <T> T readPem(String pem, Class<T> type) {
    try (PEMParser parser = new PEMParser(new StringReader(Objects.requireNonNull(pem)))) {
      Object object = parser.readObject();
      if (!type.isInstance(object)) {
        throw new IllegalArgumentException(
            "Expected PEM with " + type.getSimpleName() + " but found " + describe(object));
      }
      return type.cast(object);
    } catch (IOException e) {
      throw new IllegalArgumentException("Unreadable PEM", e);
    }
  }

  private static String describe(Object object) {
    return object == null ? "nothing" : object.getClass().getSimpleName();
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
