package org.lectern.retention;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every feature's {@link PersonalDataRemoval}, called in their order, in the caller's transaction.
 */
@Component
record PersonalDataRemovals(ObjectProvider<PersonalDataRemoval> removals) {

  void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    removals.orderedStream().forEach(r -> r.anonymiseProgramme(programmeId, reason));
  }

  /** Nothing happens for no registrations; every feature gets the same list otherwise. */
  void eraseRegistrations(Collection<UUID> registrationIds, RemovalReason reason) {
    if (registrationIds.isEmpty()) {
      return;
    }
    List<UUID> ids = List.copyOf(registrationIds);
    removals.orderedStream().forEach(r -> r.eraseRegistrations(ids, reason));
  }
}
