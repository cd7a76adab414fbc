package org.lectern.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The rule for every password a person chooses (change, reset, invitation, the first
 * administrator): at least 12 characters, at most 200, and not guessable — nbvcxz estimates the
 * entropy offline against its built-in lists of leaked passwords, words and names, keyboard
 * patterns and sequences; below 35 bits the password is refused.
 *
 * <p>The person's own words — the parts of their e-mail address before the {@code @} and of their
 * name — are an exclusion dictionary of that estimate (nbvcxz's user-specific words): each counts
 * as no entropy at all, as if an attacker typed it first. So a password that leans on them is
 * refused, while one that merely contains such a word next to enough else passes (a door volunteer
 * whose address is {@code volunteer@…} may choose {@code Qazaq-door-volunteer-2026!}). The refusal
 * says which: {@code identity.password.personal} when the password would pass without the person's
 * own words, {@code identity.password.weak} when it is weak anyway.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = UserService.MIN_PASSWORD;
  public static final int MAX_LENGTH = 200;
  static final double MIN_ENTROPY = 35.0;

  /** Why a password is refused, or {@link #STRONG}. */
  enum Verdict {
    STRONG,
    PERSONAL,
    WEAK
  }

  private final Nbvcxz estimator = new Nbvcxz(configuration(List.of()));

  /** Refuses the password with a field error on {@code field}; an accepted one passes silently. */
  public void check(String field, String password, String... personal) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw InvalidInputException.of(field, "identity.password.short", MIN_LENGTH);
    }
    if (password.length() > MAX_LENGTH) {
      throw InvalidInputException.of(field, "identity.password.long", MAX_LENGTH);
    }
    switch (verdict(password, personal)) {
      case PERSONAL -> throw InvalidInputException.of(field, "identity.password.personal");
      case WEAK -> throw InvalidInputException.of(field, "identity.password.weak");
      case STRONG -> {}
    }
  }

  boolean isStrong(String password, String... personal) {
    return verdict(password, personal) == Verdict.STRONG;
  }

  Verdict verdict(String password, String... personal) {
    boolean strong;
    synchronized (estimator) {
      strong = estimator.estimate(password).isMinimumEntropyMet();
    }
    if (!strong) {
      return Verdict.WEAK;
    }
    Set<String> words = words(personal);
    if (words.isEmpty()) {
      return Verdict.STRONG;
    }
    Dictionary own =
        new DictionaryBuilder()
            .setDictionaryName("personal")
            .setExclusion(true)
            .addWords(words, 0)
            .createDictionary();
    return new Nbvcxz(configuration(List.of(own))).estimate(password).isMinimumEntropyMet()
        ? Verdict.STRONG
        : Verdict.PERSONAL;
  }

  /**
   * The person's words: each part of 3 letters or more of the address's name and of the full name
   * (split at anything that is not a letter or digit), and each of them whole, in lower case.
   */
  static Set<String> words(String... personal) {
    Set<String> words = new LinkedHashSet<>();
    for (String p : personal) {
      if (p == null || p.isBlank()) {
        continue;
      }
      String lower = p.strip().toLowerCase(Locale.ROOT);
      String[] parts = lower.split("[^\\p{L}\\p{N}]+");
      for (String part : parts) {
        if (part.length() >= 3) {
          words.add(part);
        }
      }
      String joined = String.join("", parts);
      if (joined.length() >= 3) {
        words.add(joined);
      }
    }
    return words;
  }

  private static me.gosimple.nbvcxz.resources.Configuration configuration(List<Dictionary> own) {
    List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
    dictionaries.addAll(own);
    return new ConfigurationBuilder()
        .setMinimumEntropy(MIN_ENTROPY)
        .setMaxLength(MAX_LENGTH)
        .setDictionaries(dictionaries)
        .createConfiguration();
  }
}
