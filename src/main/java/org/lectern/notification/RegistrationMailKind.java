package org.lectern.notification;

/** The e-mails a registration's life sends; the code is the outbox kind and audit-style action. */
public enum RegistrationMailKind {
  CONFIRMED("registration.confirmed", "confirmed", true),
  WAITLISTED("registration.waitlisted", "waitlisted", false),
  PROMOTED("registration.promoted", "promoted", true),
  PENDING("registration.pending", "pending", false),
  APPROVED("registration.approved", "approved", true),
  DECLINED("registration.declined", "declined", false),
  CANCELLED("registration.cancelled", "cancelled", false);

  private final String code;
  private final String key;
  private final boolean withCalendar;

  RegistrationMailKind(String code, String key, boolean withCalendar) {
    this.code = code;
    this.key = key;
    this.withCalendar = withCalendar;
  }

  public String code() {
    return code;
  }

  String key() {
    return key;
  }

  boolean withCalendar() {
    return withCalendar;
  }
}
