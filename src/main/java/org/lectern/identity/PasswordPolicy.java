package org.lectern.identity;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The rule for every password a person chooses (change, reset, invitation, the first
 * administrator): at least 12 characters, at most 200, and not guessable — nbvcxz estimates the
 * entropy offline against its built-in lists of leaked passwords, words and names, keyboard
 * patterns and sequences; below 35 bits the password is refused.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = UserService.MIN_PASSWORD;
  public static final int MAX_LENGTH = 200;
  static final double MIN_ENTROPY = 35.0;

  private final Nbvcxz estimator =
      new Nbvcxz(
          new ConfigurationBuilder()
              .setMinimumEntropy(MIN_ENTROPY)
              .setMaxLength(MAX_LENGTH)
              .createConfiguration());

  /** Refuses the password with a field error on {@code field}; an accepted one passes silently. */
  public void check(String field, String password, String... personal) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw InvalidInputException.of(field, "identity.password.short", MIN_LENGTH);
    }
    if (password.length() > MAX_LENGTH) {
      throw InvalidInputException.of(field, "identity.password.long", MAX_LENGTH);
    }
    if (!isStrong(password, personal)) {
      throw InvalidInputException.of(field, "identity.password.weak");
    }
  }

  boolean isStrong(String password, String... personal) {
    String lower = password.toLowerCase(java.util.Locale.ROOT);
    for (String p : personal) {
      // A password built around the person's own e-mail name or full name is guessable.
      if (p != null && p.length() >= 4 && lower.contains(p.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
    }
    synchronized (estimator) {
      return estimator.estimate(password).isMinimumEntropyMet();
    }
  }
}
