package org.lectern.certificate;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CpdHours;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests of other modules: queue the certificate mail for a certificate that was never stored.
 */
@Component
public class CertificateMailProbe {

  private final CertificateMail mail;
  private final TransactionTemplate transactions;

  CertificateMailProbe(CertificateMail mail, TransactionTemplate transactions) {
    this.mail = mail;
    this.transactions = transactions;
  }

  /** Queues the mail of a fresh certificate in {@code language}; the PDF is {@code pdf}. */
  public void send(
      UUID programmeId,
      UUID organisationId,
      String programmeTitle,
      String issuer,
      String holder,
      String email,
      String language,
      byte[] pdf) {
    Certificate c =
        new Certificate(
            UUID.randomUUID(),
            CertificateCode.generate(new SecureRandom()).value(),
            UUID.randomUUID(),
            programmeId,
            organisationId,
            CertificateStatus.VALID,
            Instant.now(),
            null,
            null,
            null,
            null,
            new CpdHours(12),
            language,
            holder,
            null,
            programmeTitle,
            issuer,
            false,
            1,
            false);
    transactions.executeWithoutResult(tx -> mail.send(c, email, pdf));
  }
}
