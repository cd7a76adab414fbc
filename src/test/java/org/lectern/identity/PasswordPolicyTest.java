package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lectern.shared.error.InvalidInputException;

/** The password rule, offline: length, then nbvcxz's estimate against its built-in lists. */
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

  @Test
  void acceptsLongUnrelatedWords() {
    policy.check("password", "steppe-lantern-quiet-71");
    policy.check("password", "orchid violin harbour");
  }

  static String codeOf(Throwable e) {
    return ((InvalidInputException) e).fields().get(0).code();
  }
}
