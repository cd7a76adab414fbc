package org.lectern.identity;

import java.time.Instant;

/** Enrols an authenticator for a test account, as the person's phone would. */
public final class TestFactors {

  private TestFactors() {}

  /** Sets up and confirms TOTP for the user; returns the secret for later codes. */
  public static byte[] enrol(SecondFactors factors, LecternUser user) {
    String grouped = factors.setup(user).orElseThrow().secret();
    byte[] secret = Base32.decode(grouped);
    factors.confirm(user, Totp.code(secret, Totp.step(Instant.now())));
    return secret;
  }
}
