package org.lectern.admin;

import java.util.UUID;
import org.lectern.shared.error.NotFoundException;

/** Ids in back-office addresses and forms; a malformed id is simply not found. */
final class Ids {

  private Ids() {}

  static UUID parse(String id) {
    UUID u = orNull(id);
    if (u == null) {
      throw new NotFoundException("error.notFound");
    }
    return u;
  }

  static UUID orNull(String id) {
    if (id == null || id.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
