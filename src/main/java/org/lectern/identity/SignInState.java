package org.lectern.identity;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where a back-office session stands after the password: waiting for the second factor, sent to set
 * one up (the person must have one and has none) or through; and when the second factor was last
 * shown, for sensitive actions.
 */
record SignInState(Stage stage, Instant factorAt) implements Serializable {

  static final String SESSION_KEY = "LECTERN_SIGN_IN";

  enum Stage {
    /** Password right, second factor still to be given. */
    SECOND_FACTOR,
    /** Password right, a second factor is required and has to be set up first. */
    ENROL,
    /** Signed in. */
    DONE
  }

  static SignInState of(HttpSession session) {
    return session == null ? null : (SignInState) session.getAttribute(SESSION_KEY);
  }

  void store(HttpSession session) {
    session.setAttribute(SESSION_KEY, this);
  }

  static SignInState verified(Instant at) {
    return new SignInState(Stage.DONE, at);
  }
}
