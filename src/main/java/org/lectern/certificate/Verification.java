package org.lectern.certificate;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.certificate.UploadVerdict.Outcome;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateVerifier;
import org.lectern.certificate.document.VerificationResult;
import org.lectern.organisation.OrganisationService;
import org.springframework.stereotype.Service;

/**
 * Public checks: a code (the page the QR code opens) and an uploaded file (the signature against
 * every organisation's published certificate, then the code's status). Read-only.
 */
@Service
public class Verification {

  private final CertificateRepository certificates;
  private final SigningKeyStore keys;
  private final OrganisationService organisations;
  private final CertificateVerifier verifier = new CertificateVerifier();

  Verification(
      CertificateRepository certificates, SigningKeyStore keys, OrganisationService organisations) {
    this.certificates = certificates;
    this.keys = keys;
    this.organisations = organisations;
  }

  /** Accepts any case, spaces or no dashes; empty for malformed or unknown codes alike. */
  public Optional<PublicCertificate> lookup(String code, Locale locale) {
    return CertificateCode.tryParse(code)
        .flatMap(c -> certificates.findByCode(c.compact()).map(x -> view(x, c, locale)));
  }

  public UploadVerdict check(byte[] file, Locale locale) {
    Map<UUID, X509Certificate> trusted = keys.trusted();
    VerificationResult result = verifier.verify(file, trusted.values());
    return switch (result.outcome()) {
      case NOT_A_PDF, NOT_SIGNED -> new UploadVerdict(Outcome.NOT_A_CERTIFICATE, null);
      case ALTERED -> new UploadVerdict(Outcome.ALTERED, null);
      case UNTRUSTED_SIGNER -> new UploadVerdict(Outcome.UNKNOWN_SIGNER, null);
      case VALID -> byCode(result, trusted, locale);
    };
  }

  private UploadVerdict byCode(
      VerificationResult result, Map<UUID, X509Certificate> trusted, Locale locale) {
    Optional<CertificateCode> code = result.certificateCode().flatMap(CertificateCode::tryParse);
    Optional<Certificate> stored = code.flatMap(c -> certificates.findByCode(c.compact()));
    // The code must also have been issued by the organisation whose key signed the file.
    if (stored.isEmpty()
        || !result
            .signer()
            .equals(Optional.ofNullable(trusted.get(stored.get().organisationId())))) {
      return new UploadVerdict(Outcome.UNKNOWN_CODE, null);
    }
    Certificate c = stored.get();
    PublicCertificate view = view(c, code.get(), locale);
    return switch (c.status()) {
      case VALID -> new UploadVerdict(Outcome.VALID, view);
      case REVOKED -> new UploadVerdict(Outcome.REVOKED, view);
      case SUPERSEDED -> new UploadVerdict(Outcome.SUPERSEDED, view);
    };
  }

  /** The public certificate (PEM) of an organisation by its slug, once it has signed anything. */
  public Optional<String> publicCertificate(String organisationSlug) {
    return organisations.findBySlug(organisationSlug).flatMap(o -> keys.certificatePem(o.id()));
  }

  private PublicCertificate view(Certificate c, CertificateCode code, Locale locale) {
    return PublicCertificate.of(
        c, code.value(), locale, certificates.holderRemoved(c.id()).orElse(null));
  }
}
