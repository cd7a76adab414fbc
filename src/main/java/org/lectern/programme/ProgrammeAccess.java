package org.lectern.programme;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a programme: platform administrators everything; members of the owning
 * organisation, the programme's organisers and the members of an organisation that co-organises it
 * ({@link PartnerRole#CO_ORGANISER}) manage it; speakers and funders only see it. Every other
 * module asks here (through {@link ProgrammeService#canManage}), so this is the one place to
 * change.
 */
@Component
public record ProgrammeAccess(UserService users, ProgrammeRepository programmes) {

  public boolean canCreateIn(LecternUser user, UUID organisationId) {
    return user != null
        && (user.platformAdmin()
            || users.memberships(user.id()).stream()
                .anyMatch(m -> m.organisationId().equals(organisationId)));
  }

  public boolean canManage(LecternUser user, Programme p) {
    return user != null
        && (canCreateIn(user, p.organisationId())
            || programmes.rolesOf(p.id(), user.id()).contains(ProgrammeRole.ORGANISER)
            || programmes.coOrganises(p.id(), user.id()));
  }

  public boolean canSee(LecternUser user, Programme p) {
    return p.isPublished()
        || user != null && (canManage(user, p) || !programmes.rolesOf(p.id(), user.id()).isEmpty());
  }

  public boolean hasRole(LecternUser user, Programme p, ProgrammeRole role) {
    return user != null && programmes.rolesOf(p.id(), user.id()).contains(role);
  }
}
