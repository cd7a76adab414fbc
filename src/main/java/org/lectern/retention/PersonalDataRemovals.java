package org.lectern.retention;

import java.util.Collection;
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

  void eraseRegistrations(Collection<UUID> registrationIds, RemovalReason reason) {
    removals.orderedStream().forEach(r -> r.eraseRegistrations(registrationIds, reason));
  }
}
