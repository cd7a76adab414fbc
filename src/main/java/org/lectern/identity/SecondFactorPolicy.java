package org.lectern.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who in an organisation must use a second factor: everyone who can see personal data (its members,
 * organisers and door staff of its programmes — the default), everyone with a role, or nobody
 * (offered to all).
 */
public enum SecondFactorPolicy {
  PERSONAL_DATA,
  EVERYONE,
  OFFERED;

  public static Optional<SecondFactorPolicy> parse(String value) {
    return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst();
  }

  /** The message key naming the policy. */
  public String messageKey() {
    return "identity.factor.policy." + name();
  }
}
