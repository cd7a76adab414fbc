package org.lectern.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateContent;
import org.lectern.certificate.document.CpdHours;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Issues one certificate inside the caller's transaction: lock the registration, skip it when it
 * already has a valid certificate (so issuing twice never duplicates), render, sign, store, mail.
 */
@Component
record Issuing(
    CertificateRepository certificates,
    CertificateDocuments documents,
    CertificateMail mail,
    RegistrationService registrations,
    Clock clock,
    Transactions transactions) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The new certificate, or empty when the registration already had a valid one. */
  Optional<Certificate> issue(ProgrammeRecord programme, EligibilityRow row) {
    return transactions.joined(
        () -> {
          certificates.lock(row.registrationId());
          if (certificates.validOf(row.registrationId()).isPresent()) {
            return Optional.empty();
          }
          Holder holder = holder(row.registrationId(), null);
          return Optional.of(create(programme, holder, row.hours(), row.overrideReason() != null));
        });
  }

  /** A corrected certificate replaces a valid one, which becomes superseded. */
  Certificate reissue(ProgrammeRecord programme, Certificate old, String correctedName) {
    return transactions.joined(
        () -> {
          certificates.lock(old.registrationId());
          Certificate current =
              certificates
                  .findByCode(old.code())
                  .orElseThrow(() -> new NotFoundException("certificate.notFound"));
          UUID replacement = UUID.randomUUID();
          certificates.updateStatus(current.supersede(replacement, clock));
          Holder holder = holder(current.registrationId(), correctedName);
          return create(programme, holder, current.hours(), current.overridden(), replacement);
        });
  }

  private Certificate create(
      ProgrammeRecord programme, Holder holder, CpdHours hours, boolean overridden) {
    return create(programme, holder, hours, overridden, UUID.randomUUID());
  }

  private Certificate create(
      ProgrammeRecord programme, Holder holder, CpdHours hours, boolean overridden, UUID id) {
    CertificateCode code = CertificateCode.generate(RANDOM);
    CertificateContent content = documents.content(programme, holder, hours, code);
    byte[] pdf = documents.renderAndSign(programme, content, holder.language());
    Certificate c =
        new Certificate(
            id,
            code.compact(),
            holder.registrationId(),
            programme.programme().id(),
            programme.organiser().id(),
            CertificateStatus.VALID,
            clock.instant(),
            null,
            null,
            null,
            null,
            hours,
            holder.language().tag(),
            holder.name(),
            holder.licenceNumber(),
            content.programmeTitle(),
            content.issuer(),
            content.topicNeutral(),
            programme.settings().templateVersion(),
            overridden);
    certificates.insert(c, pdf);
    mail.send(c, holder.email(), pdf);
    return c;
  }

  private Holder holder(UUID registrationId, String correctedName) {
    Registration r =
        registrations
            .find(registrationId)
            .orElseThrow(() -> new NotFoundException("certificate.registrationNotFound"));
    var d = r.details();
    String name =
        correctedName == null || correctedName.isBlank() ? d.fullName() : correctedName.strip();
    return new Holder(r.id(), name, d.licenceNumber(), d.email(), Languages.of(d.language()));
  }
}
