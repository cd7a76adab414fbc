package org.lectern.certificate.document;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A detached CAdES signature as PAdES baseline B-B wants it: signing-certificate-v2 bound to the
 * signer, no signing-time attribute (the PDF's own /M carries the time).
 */
final class CadesSignature {

  static final Provider PROVIDER = new BouncyCastleProvider();

  private CadesSignature() {}

  static byte[] sign(byte[] content, OrganisationSigningKey key) {
    try {
      X509Certificate certificate = key.certificate();
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo(key));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
    } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
      throw new IllegalStateException("Cannot sign certificate PDF", e);
    }
  }

  private static SignerInfoGenerator signerInfo(OrganisationSigningKey key)
      throws GeneralSecurityException, OperatorCreationException {
    ContentSigner signer =
        new JcaContentSignerBuilder(signatureAlgorithm(key))
            .setProvider(PROVIDER)
            .build(key.privateKey());
    AttributeTable attributes = new AttributeTable(signingCertificateV2(key.certificate()));
    DefaultSignedAttributeTableGenerator defaults =
        new DefaultSignedAttributeTableGenerator(attributes);
    CMSAttributeTableGenerator withoutSigningTime =
        parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    return new JcaSignerInfoGeneratorBuilder(
            new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build())
        .setSignedAttributeGenerator(withoutSigningTime)
        .build(signer, key.certificate());
  }

  private static Attribute signingCertificateV2(X509Certificate certificate)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(hash, issuerSerial); // SHA-256 is the default algorithm
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  private static String signatureAlgorithm(OrganisationSigningKey key) {
    return switch (key.privateKey().getAlgorithm()) {
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default ->
          throw new IllegalArgumentException(
              "Unsupported key algorithm: " + key.privateKey().getAlgorithm());
    };
  }
}
