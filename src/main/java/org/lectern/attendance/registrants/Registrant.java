package org.lectern.attendance.registrants;

import java.util.UUID;

/**
 * A programme's registration as attendance needs it: who, decrypted, for matching report rows and
 * writing join pages in the delegate's language.
 */
public record Registrant(
    UUID id, UUID programmeId, String fullName, String email, String status, String language) {

  public boolean active() {
    return !"CANCELLED".equals(status) && !"DECLINED".equals(status);
  }
}
