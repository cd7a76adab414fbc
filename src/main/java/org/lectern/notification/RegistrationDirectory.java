package org.lectern.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.registration.RegistrationService;
import org.springframework.stereotype.Component;

/** The registration module as the mail module sees it. */
@Component
record RegistrationDirectory(RegistrationService registrations) implements DelegateRegistrations {

  @Override
  public Optional<String> decisionMessageOf(UUID registrationId) {
    return registrations.decisionMessageOf(registrationId);
  }

  @Override
  public Optional<MailRecipient> contactOf(UUID registrationId) {
    return registrations.contactOf(registrationId).map(RegistrationDirectory::contact);
  }

  @Override
  public java.util.Map<UUID, MailRecipient> contactsOf(java.util.Collection<UUID> registrationIds) {
    java.util.Map<UUID, MailRecipient> contacts = new java.util.HashMap<>();
    registrations
        .contactsOf(registrationIds)
        .forEach((id, c) -> contacts.put(id, RegistrationDirectory.contact(c)));
    return contacts;
  }

  @Override
  public List<MailRecipient> confirmedOf(UUID programmeId) {
    return registrations.confirmedContactsOf(programmeId).stream()
        .map(RegistrationDirectory::contact)
        .toList();
  }

  static MailRecipient contact(org.lectern.registration.DelegateContact c) {
    return new MailRecipient(
        c.registrationId(),
        c.programmeId(),
        c.email(),
        c.fullName(),
        c.language(),
        c.status().name());
  }
}
