package org.lectern.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mail module and "My trainings" need from the registration module. It mirrors the methods
 * of {@code RegistrationService} (forDelegate, cancelByDelegate, contactOf) plus the confirmed
 * delegates of a programme for reminders and announcements; an adapter over RegistrationService
 * implements it once the registration module is merged.
 */
public interface DelegateRegistrations {

  /** Every registration of the person with this e-mail address, newest first. */
  List<DelegateRegistration> forDelegate(String email);

  /** Cancels one of the person's own registrations; refuses registrations of others. */
  void cancelByDelegate(String email, UUID registrationId);

  Optional<DelegateContact> contactOf(UUID registrationId);

  /** The organiser's message to a declined delegate, if any. */
  Optional<String> decisionMessageOf(UUID registrationId);

  /** Contacts of the confirmed registrations of a programme (reminders, announcements). */
  List<DelegateContact> confirmedOf(UUID programmeId);
}
