package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.identity.ProgrammeRoles;
import org.springframework.stereotype.Component;

/** Tells identity which programme roles a person holds (for the second-factor rule). */
@Component
record HeldProgrammeRoles(ProgrammeRoleRepository roles) implements ProgrammeRoles {

  @Override
  public List<Held> heldBy(UUID userId) {
    return roles.heldBy(userId);
  }
}
