package org.lectern.identity;

import java.util.regex.Pattern;

/** A pragmatic e-mail check: one @, a dot in the domain, no spaces or angle brackets. */
public final class Emails {

  private static final Pattern SHAPE =
      Pattern.compile("^[^\\s@<>\"(),;:]{1,64}@[^\\s@<>\"(),;:]+\\.[^\\s@<>\"(),;:]{2,}$");

  private Emails() {}

  public static boolean isValid(String email) {
    return email != null && email.length() <= 254 && SHAPE.matcher(email.strip()).matches();
  }
}
