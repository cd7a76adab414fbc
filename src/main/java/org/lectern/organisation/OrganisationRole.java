package org.lectern.organisation;

import java.util.Optional;

/**
 * A person's role in an organisation. ADMIN: its members, its settings and every programme it
 * organises. MEMBER: creates and runs programmes. (ORGANISER is the old name of MEMBER.)
 */
public enum OrganisationRole {
  ADMIN,
  MEMBER;

  public static Optional<OrganisationRole> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.strip()) {
      case "ADMIN" -> Optional.of(ADMIN);
      case "MEMBER", "ORGANISER" -> Optional.of(MEMBER);
      default -> Optional.empty();
    };
  }
}
