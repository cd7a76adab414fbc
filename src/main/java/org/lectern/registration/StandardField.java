package org.lectern.registration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standard questions an organiser may ask beside name and e-mail (always asked). Collect only
 * what is needed: each programme chooses its own.
 */
public enum StandardField {
  PHONE,
  REGION,
  TOWN,
  PROFESSION,
  YEARS,
  GENDER,
  BAR,
  LANGUAGE,
  ACCESSIBILITY;

  public String labelKey() {
    return "registration.field." + name();
  }

  public static Optional<StandardField> parse(String s) {
    return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(s)).findFirst();
  }
}
