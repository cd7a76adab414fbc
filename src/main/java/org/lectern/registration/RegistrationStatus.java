package org.lectern.registration;

/** Where a registration stands. Only CONFIRMED holds a seat. */
public enum RegistrationStatus {
  CONFIRMED,
  WAITLISTED,
  PENDING,
  DECLINED,
  CANCELLED;

  public boolean isActive() {
    return this == CONFIRMED || this == WAITLISTED || this == PENDING;
  }
}
