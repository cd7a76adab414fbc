package org.lectern.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mail module needs from the registration module: how to reach the person behind a
 * registration, and the confirmed delegates of a programme for reminders and announcements.
 */
public interface DelegateRegistrations {

  Optional<MailRecipient> contactOf(UUID registrationId);

  /** The contacts of those of {@code registrationIds} that exist, by registration, at once. */
  java.util.Map<UUID, MailRecipient> contactsOf(java.util.Collection<UUID> registrationIds);

  /** The organiser's message to a declined delegate, if any. */
  Optional<String> decisionMessageOf(UUID registrationId);

  /** Contacts of the confirmed registrations of a programme (reminders, announcements). */
  List<MailRecipient> confirmedOf(UUID programmeId);
}
