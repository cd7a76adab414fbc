package org.lectern.attendance.registrants;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What attendance needs from the registration module. An adapter over {@code RegistrationService}
 * implements it.
 */
public interface RegistrantDirectory {

  /** Every registration of the programme, any status, decrypted. */
  List<Registrant> of(UUID programmeId);

  Optional<Registrant> find(UUID registrationId);

  /** Room seats chosen for a hybrid session, by registration; empty for other sessions. */
  Map<UUID, RoomSeat> roomSeats(UUID sessionId);
}
