package org.lectern.shared.privacy;

import java.util.List;
import java.util.UUID;

/**
 * What a feature does with the personal data it owns when a programme's retention period ends, a
 * person's data is erased or a programme is purged. Each feature that stores personal data about
 * delegates provides one (a bean); the retention module calls them all in one transaction. Rows
 * stay where reports count them (status, region, attendance figures): only what names or reaches a
 * person (names, addresses, phones, free text, mails, rendered documents) is removed.
 */
public interface PersonalDataRemoval {

  /** Removes the personal data of every delegate of the programme. */
  void anonymiseProgramme(UUID programmeId, RemovalReason reason);

  /**
   * Removes the personal data tied to these registrations (one person's erasure). Never called with
   * an empty list: {@code retention.PersonalDataRemovals} skips an erasure of no one.
   */
  void eraseRegistrations(List<UUID> registrationIds, RemovalReason reason);
}
