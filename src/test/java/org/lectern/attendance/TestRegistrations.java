package org.lectern.attendance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Registrations for tests while the registration module is not merged into this branch: replace
 * with real registrations (RegistrationService.register) when it is.
 */
@Component
@Primary
public class TestRegistrations implements RegistrationDirectory {

  private final Map<UUID, Registrant> all = new ConcurrentHashMap<>();

  public Registrant add(UUID programmeId, String fullName, String email, String status) {
    var r = new Registrant(UUID.randomUUID(), programmeId, fullName, email, status, "ru");
    all.put(r.id(), r);
    return r;
  }

  public Registrant add(UUID programmeId, String fullName, String email) {
    return add(programmeId, fullName, email, "CONFIRMED");
  }

  @Override
  public List<Registrant> of(UUID programmeId) {
    return all.values().stream().filter(r -> r.programmeId().equals(programmeId)).toList();
  }

  @Override
  public Optional<Registrant> find(UUID registrationId) {
    return Optional.ofNullable(all.get(registrationId));
  }
}
