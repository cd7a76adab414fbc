package org.lectern.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.OrganisationMemberships;
import org.springframework.stereotype.Component;

/**
 * The members of an organisation in this module's terms ({@link OrganisationMember}, {@link
 * OrganisationRole}); identity stores the roles.
 */
@Component
record OrganisationRoster(OrganisationMemberships memberships) {

  List<OrganisationMember> members(UUID organisationId) {
    return memberships.members(organisationId).stream()
        .map(
            m ->
                new OrganisationMember(
                    m.userId(),
                    m.email(),
                    m.fullName(),
                    OrganisationRole.parse(m.role()).orElseThrow(),
                    m.addedAt(),
                    m.lastSignInAt()))
        .toList();
  }

  Optional<OrganisationRole> roleOf(UUID organisationId, UUID userId) {
    return memberships.roleOf(organisationId, userId).flatMap(OrganisationRole::parse);
  }

  List<UUID> organisationsOf(UUID userId) {
    return memberships.organisationsOf(userId);
  }

  void put(UUID organisationId, UUID userId, OrganisationRole role) {
    memberships.put(organisationId, userId, role.name());
  }

  boolean remove(UUID organisationId, UUID userId) {
    return memberships.remove(organisationId, userId);
  }

  int admins(UUID organisationId) {
    return memberships.admins(organisationId);
  }
}
