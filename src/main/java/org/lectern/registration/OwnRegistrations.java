package org.lectern.registration;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A delegate's own registrations, found by their e-mail address: what "My trainings" lists, and the
 * delegate's own cancellation.
 */
@Service
public record OwnRegistrations(
    RegistrationRepository registrations,
    RegistrationService service,
    EnrolmentService enrolment,
    PersonalDataCipher cipher,
    Transactions transactions) {

  /** Everything registered under an e-mail address, newest first, for "My trainings". */
  public List<OwnRegistration> forDelegate(String email) {
    return registrations.ofEmail(email).stream()
        .map(
            r ->
                new OwnRegistration(
                    r.id(),
                    r.programmeId(),
                    r.status(),
                    service.position(r),
                    r.details().language(),
                    r.createdAt()))
        .toList();
  }

  /** The delegate cancels one of their own registrations; the first waitlisted moves up. */
  public Registration cancelByDelegate(String email, UUID registrationId) {
    return transactions.result(
        () -> {
          Registration r =
              registrations
                  .find(registrationId)
                  .filter(
                      x -> cipher.emailIndex(x.details().email()).equals(cipher.emailIndex(email)))
                  .orElseThrow(() -> new NotFoundException("registration.notFound"));
          return enrolment.cancel(r);
        });
  }
}
