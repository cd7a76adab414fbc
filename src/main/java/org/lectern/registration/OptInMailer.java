package org.lectern.registration;

import java.util.UUID;

/**
 * Tells the holder of an address what their public registration request led to — the only place
 * this is told. Implemented by the mail module (which depends on registration). Called inside the
 * transaction that settles the request, so the mail is queued exactly when it commits.
 */
public interface OptInMailer {

  /** What the mail says. */
  enum Kind {
    /** Follow the link to confirm the registration. */
    CONFIRM,
    /** The address already has a registration: see "My trainings". */
    ALREADY_REGISTERED,
    /** Every seat is taken and there is no waitlist. */
    FULL,
    /** Registration is closed. */
    CLOSED
  }

  /** For {@link Kind#CONFIRM}: what confirming is likely to give, as things stand now. */
  enum Outlook {
    SEAT,
    WAITLIST,
    APPROVAL
  }

  /**
   * @param link the confirmation link ({@link Kind#CONFIRM} only), else null
   * @param outlook {@link Kind#CONFIRM} only, else null
   */
  void send(
      Kind kind,
      UUID requestId,
      UUID programmeId,
      String email,
      String fullName,
      String language,
      String link,
      Outlook outlook);
}
