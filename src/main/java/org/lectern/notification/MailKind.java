package org.lectern.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of e-mail Lectern sends; the outbox refuses any other. Tests iterate over this list
 * (neutral wording, masking on the outbox page), so a new kind cannot be forgotten there.
 *
 * <p>{@code credential}: the mail carries a link that signs in or sets a password; the outbox page
 * never shows its body.
 */
public enum MailKind {
  REGISTRATION_CONFIRMED("registration.confirmed", false),
  REGISTRATION_WAITLISTED("registration.waitlisted", false),
  REGISTRATION_PROMOTED("registration.promoted", false),
  REGISTRATION_PENDING("registration.pending", false),
  REGISTRATION_APPROVED("registration.approved", false),
  REGISTRATION_DECLINED("registration.declined", false),
  REGISTRATION_CANCELLED("registration.cancelled", false),
  REGISTRATION_INVITED("registration.invited", true),
  REGISTRATION_OPT_IN_CONFIRM("registration.optIn.confirm", true),
  REGISTRATION_OPT_IN_ALREADY_REGISTERED("registration.optIn.alreadyRegistered", false),
  REGISTRATION_OPT_IN_FULL("registration.optIn.full", false),
  REGISTRATION_OPT_IN_CLOSED("registration.optIn.closed", false),
  SESSION_REMINDER_DAY("session.reminder24h", false),
  SESSION_REMINDER_HOUR("session.reminder1h", false),
  PROGRAMME_ANNOUNCEMENT("programme.announcement", false),
  DELEGATE_SIGN_IN("delegate.signIn", true),
  DELEGATE_ERASURE_CONFIRM("delegate.erasureConfirm", true),
  CERTIFICATE_ISSUED("certificate.issued", false),
  LEARNING_FOLLOW_UP("learning.followUp", false),
  LEARNING_FOLLOW_UP_REMINDER("learning.followUpReminder", false),
  IDENTITY_INVITED("identity.invited", true),
  IDENTITY_PASSWORD_RESET("identity.passwordReset", true),
  IDENTITY_SIGN_IN_LOCKED("identity.signInLocked", false),
  PROGRAMME_PARTNER_PROPOSED("programme.partnerProposed", false),
  ORGANISATION_INVITED("organisation.invited", true);

  private final String code;
  private final boolean credential;

  MailKind(String code, boolean credential) {
    this.code = code;
    this.credential = credential;
  }

  public String code() {
    return code;
  }

  /** Whether the mail holds a working sign-in, registration or set-password link. */
  public boolean credential() {
    return credential;
  }

  public static Optional<MailKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** The kind of this code; refuses a code that is not listed here. */
  public static MailKind require(String code) {
    return of(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown mail kind "
                        + code
                        + ": add it to MailKind (and to NeutralMailIT, which renders every kind)"));
  }
}
