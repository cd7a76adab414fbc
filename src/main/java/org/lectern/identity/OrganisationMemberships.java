package org.lectern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who holds which role in which organisation (table organisation_member, owned here with the
 * accounts). The organisation module decides who may change members and audits it; this only reads
 * and writes the roles. Roles are the stored names ({@code ADMIN}, {@code MEMBER}, or the old
 * {@code ORGANISER}).
 */
@Service
public record OrganisationMemberships(MembershipRepository memberships) {

  /** One person in an organisation, with the account's e-mail, name and last sign-in. */
  public record Member(
      UUID userId,
      String email,
      String fullName,
      String role,
      Instant addedAt,
      Instant lastSignInAt) {}

  public List<Member> members(UUID organisationId) {
    return memberships.members(organisationId);
  }

  public Optional<String> roleOf(UUID organisationId, UUID userId) {
    return memberships.roleOf(organisationId, userId);
  }

  public List<UUID> organisationsOf(UUID userId) {
    return memberships.organisationsOf(userId);
  }

  public void put(UUID organisationId, UUID userId, String role) {
    memberships.put(organisationId, userId, role);
  }

  public boolean remove(UUID organisationId, UUID userId) {
    return memberships.remove(organisationId, userId);
  }

  /** How many members hold the ADMIN role. */
  public int admins(UUID organisationId) {
    return memberships.admins(organisationId);
  }
}
