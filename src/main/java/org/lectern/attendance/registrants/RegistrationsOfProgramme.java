package org.lectern.attendance.registrants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.springframework.stereotype.Component;

/** The registration module as attendance sees it. */
@Component
record RegistrationsOfProgramme(RegistrationService registrations) implements RegistrantDirectory {

  @Override
  public List<Registrant> of(UUID programmeId) {
    return registrations.ofProgramme(programmeId).stream()
        .map(RegistrationsOfProgramme::registrant)
        .toList();
  }

  @Override
  public Optional<Registrant> find(UUID registrationId) {
    return registrations.find(registrationId).map(RegistrationsOfProgramme::registrant);
  }

  @Override
  public Map<UUID, RoomSeat> roomSeats(UUID sessionId) {
    Map<UUID, RoomSeat> seats = new HashMap<>();
    registrations
        .roomChoices(sessionId)
        .forEach((id, choice) -> seats.put(id, RoomSeat.valueOf(choice.name())));
    return seats;
  }

  private static Registrant registrant(Registration r) {
    return new Registrant(
        r.id(),
        r.programmeId(),
        r.details().fullName(),
        r.details().email(),
        r.status().name(),
        r.details().language());
  }
}
