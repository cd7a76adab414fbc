package org.lectern.certificate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.registration.OwnRegistrations;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/** A delegate's own certificates, found through their registrations' e-mail address. */
@Service
public record DelegateCertificates(
    OwnRegistrations registrations, CertificateRepository certificates, Transactions transactions) {

  /** Newest first, every status (a revoked one is shown as revoked, never offered as valid). */
  public List<Certificate> of(String email) {
    return transactions.read(() -> certificates.ofRegistrations(mine(email)));
  }

  /** The PDF if the certificate is the delegate's own and still valid. */
  public Optional<byte[]> pdf(String email, String code) {
    return transactions.read(
        () -> {
          return CertificateCode.tryParse(code)
              .flatMap(c -> certificates.findByCode(c.compact()))
              .filter(c -> mine(email).contains(c.registrationId()))
              .filter(Certificate::isValid)
              .flatMap(c -> certificates.pdf(c.id()));
        });
  }

  private Set<UUID> mine(String email) {
    return registrations.forDelegate(email).stream()
        .map(r -> r.registrationId())
        .collect(Collectors.toSet());
  }
}
