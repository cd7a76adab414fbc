package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.shared.error.InvalidInputException;

/**
 * The password rule, offline: length, then nbvcxz's estimate against its built-in lists and the
 * person's own words.
 */
class PasswordPolicyTest {

  final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void refusesShortLongCommonAndPatternedPasswords() {
    assertThatThrownBy(() -> policy.check("password", "short"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo("identity.password.short"));
    assertThatThrownBy(() -> policy.check("password", "x".repeat(201)))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo("identity.password.long"));
    for (String weak :
        new String[] {
          "password1234",
          "qwertyuiop123",
          "123456789012",
          "aaaaaaaaaaaa",
          "Qwerty123456",
          "iloveyou2024!"
        }) {
      assertThatThrownBy(() -> policy.check("password", weak))
          .as(weak)
          .satisfies(e -> assertThat(codeOf(e)).isEqualTo("identity.password.weak"));
    }
  }

  @Test
  void refusesAPasswordBuiltOnTheOwnersName() {
    assertThat(policy.isStrong("tulip-glacier-echo-42", "aigerim.n", "Aigerim Nurlanovna"))
        .isTrue();
    assertThat(policy.isStrong("Aigerim Nurlanovna 2031!", "aigerim.n", "Aigerim Nurlanovna"))
        .isFalse();
  }

  /**
   * Real passwords against the person's own words, in Latin, Cyrillic and Kazakh letters: the
   * verdict, and so the message the person reads next to the field.
   */
  @ParameterizedTest(name = "{0} for {1} / {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A door volunteer's choice: "door" and "volunteer" are in the address, and short common
        // words; the password holds enough besides them (refused as personal before).
        "Qazaq-door-volunteer-2026!  | volunteer      | Aliya Seitkali     | STRONG",
        "Qazaq-door-volunteer-2026!  | door.volunteer | Aliya Seitkali     | STRONG",
        "Qazaq-door-volunteer-2026!  | door           | Dana Volunteer     | STRONG",
        "volunteer-qazaq-door-steppe | volunteer      | Aliya Door         | STRONG",
        "tulip-glacier-echo-42       | aigerim.n      | Aigerim Nurlanovna | STRONG",
        "Aigerim Nurlanovna 2031!    | aigerim.n      | Aigerim Nurlanovna | PERSONAL",
        "aigerim-lantern-2031        | aigerim.n      | Aigerim Nurlanovna | PERSONAL",
        "Ivan-Ivanov-1985!           | ivan.ivanov    | Иван Иванов        | PERSONAL",
        "door-window-2026            | door           | Dana Volunteer     | WEAK",
        "password1234                | anna           | Anna Berg          | WEAK",
        // Cyrillic (Russian)
        "Кузнецова-рассвет-окно-2031 | svetlana.k     | Светлана Кузнецова | STRONG",
        "Светлана-Кузнецова-1990     | svetlana.k     | Светлана Кузнецова | PERSONAL",
        "Иван-Иванов-1234            | ivan           | Иван Иванов        | PERSONAL",
        // Kazakh letters
        "Айгерім-фонарь-қала-2031    | aigerim        | Айгерім Нұрланқызы | STRONG",
        "Айгерім-Нұрланқызы-2031     | aigerim        | Айгерім Нұрланқызы | PERSONAL",
        "Нұрланқызы!Айгерім          | aigerim        | Айгерім Нұрланқызы | PERSONAL",
      })
  void judgesRealPasswordsAgainstThePersonsOwnWords(
      String password, String local, String name, PasswordPolicy.Verdict expected) {
    assertThat(policy.verdict(password, local, name)).isEqualTo(expected);
    if (expected == PasswordPolicy.Verdict.STRONG) {
      policy.check("newPassword", password, local, name);
    } else {
      assertThatThrownBy(() -> policy.check("newPassword", password, local, name))
          .satisfies(
              e -> {
                var problem = ((InvalidInputException) e).fields().get(0);
                assertThat(problem.field()).isEqualTo("newPassword");
                assertThat(problem.code())
                    .isEqualTo(
                        expected == PasswordPolicy.Verdict.PERSONAL
                            ? "identity.password.personal"
                            : "identity.password.weak");
              });
    }
  }

  /** A name (any of the three scripts) with separators and a year is never enough. */
  @Property(tries = 200)
  void theOwnNameWithAYearIsNeverAccepted(
      @ForAll("names") String name,
      @ForAll @IntRange(min = 1940, max = 2030) int year,
      @ForAll("separators") String separator) {
    String password = name.replace(" ", separator) + separator + year;
    Assume.that(password.length() >= PasswordPolicy.MIN_LENGTH);
    assertThat(policy.verdict(password, "someone", name))
        .isNotEqualTo(PasswordPolicy.Verdict.STRONG);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(
        "Aigerim Nurlanovna",
        "Dana Volunteer",
        "Yerlan Abenov",
        "Светлана Кузнецова",
        "Иван Петрович Сидоров",
        "Айгерім Нұрланқызы",
        "Әлия Сейітқали",
        "Өмірзақ Ұлықбекұлы");
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of("", " ", "-", ".", "_", "!");
  }

  @Test
  void acceptsLongUnrelatedWords() {
    policy.check("password", "steppe-lantern-quiet-71");
    policy.check("password", "orchid violin harbour");
  }

  static String codeOf(Throwable e) {
    return ((InvalidInputException) e).fields().get(0).code();
  }
}
