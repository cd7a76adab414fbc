package org.lectern.certificate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.registration.DelegateContact;
import org.lectern.registration.RegistrationService;
import org.springframework.stereotype.Component;

/**
 * Who earned a certificate: every confirmed delegate, with the attendance module's completion
 * decision, the organiser's override and the certificate already issued.
 */
@Component
record Eligibility(
    RegistrationService registrations,
    CompletionSource completions,
    Overrides overrides,
    CertificateRepository certificates) {

  List<EligibilityRow> of(ProgrammeRecord programme) {
    UUID id = programme.programme().id();
    List<DelegateContact> confirmed = registrations.confirmedContactsOf(id);
    Map<UUID, Completion> done =
        completions.of(id).stream()
            .collect(
                Collectors.toMap(Completion::registrationId, Function.identity(), (a, b) -> a));
    Map<UUID, String> overridden = overrides.ofProgramme(id);
    Map<UUID, Certificate> issued =
        certificates
            .ofRegistrations(confirmed.stream().map(DelegateContact::registrationId).toList())
            .stream()
            .filter(Certificate::isValid)
            .collect(Collectors.toMap(Certificate::registrationId, Function.identity()));
    return confirmed.stream()
        .map(
            c -> {
              Completion completion =
                  done.getOrDefault(c.registrationId(), Completion.unknown(c.registrationId()));
              return new EligibilityRow(
                  c.registrationId(),
                  c.fullName(),
                  completion.completed(),
                  completion.reasonCode(),
                  completion.reasonArgs(),
                  overridden.get(c.registrationId()),
                  CertificateHours.of(completion, programme),
                  issued.get(c.registrationId()));
            })
        .sorted(
            java.util.Comparator.comparing(
                EligibilityRow::holderName, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }
}
