package org.lectern.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Stand-in until the registration module is merged: nobody has registrations. Replace with an
 * adapter over RegistrationService (see docs/adr on notification) when merging.
 */
@Component
class RegistrationsNotYetAvailable implements DelegateRegistrations {

  @Override
  public List<DelegateRegistration> forDelegate(String email) {
    return List.of();
  }

  @Override
  public void cancelByDelegate(String email, UUID registrationId) {
    throw new NotFoundException("notification.my.registrationNotFound");
  }

  @Override
  public Optional<DelegateContact> contactOf(UUID registrationId) {
    return Optional.empty();
  }

  @Override
  public List<DelegateContact> confirmedOf(UUID programmeId) {
    return List.of();
  }
}
