package org.lectern.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one rule for text input, as properties over generated strings with hostile characters. */
class TextInputPropertiesTest {

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('А', 'я')
        .withChars("ӘәҒғҚқҢңӨөҰұҮүІі")
        .withCharRange('\u0300', '\u036f')
        .withCharRange('\u0000', '\u001f')
        .withCharRange('\u007f', '\u009f')
        .withChars('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00')
        .withChars("\u202e\u200b\u200d\ufeff\t\n\r ")
        .ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> clean() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('А', 'я')
        .withChars("ӘәҒғҚқҢңӨөҰұҮүІі")
        .withCharRange('\u0300', '\u036f')
        .withChars("\u202e\u200b\u200d\ufeff\t\n\r ")
        .ofMaxLength(200)
        .map(s -> s + "😀");
  }

  @Property
  void cleanedTextHasNoControlOrBrokenCharacterAndIsNfc(@ForAll("hostile") String value) {
    String cleaned = TextInput.clean(value);
    assertThat(cleaned.chars().noneMatch(c -> TextInput.isControl((char) c))).isTrue();
    assertThat(brokenSurrogate(cleaned)).isFalse();
    assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    assertThat(TextInput.clean(cleaned)).isEqualTo(cleaned);
  }

  @Property
  void normaliseEitherRefusesOrAgreesWithClean(@ForAll("hostile") String value) {
    boolean acceptable =
        value.chars().noneMatch(c -> TextInput.isControl((char) c)) && !brokenSurrogate(value);
    if (acceptable) {
      assertThat(TextInput.normalise(value)).isEqualTo(TextInput.clean(value));
    } else {
      assertThatThrownBy(() -> TextInput.normalise(value)).isInstanceOf(TextInput.Refused.class);
    }
  }

  @Property
  void acceptableTextKeepsEveryLetterInItsComposedForm(@ForAll("clean") String value) {
    String stored = TextInput.normalise(value);
    assertThat(stored).isEqualTo(Normalizer.normalize(value, Normalizer.Form.NFC));
    assertThat(TextInput.normalise(Normalizer.normalize(value, Normalizer.Form.NFD)))
        .isEqualTo(stored);
    assertThat(TextInput.searchKey(stored))
        .isEqualTo(TextInput.searchKey(Normalizer.normalize(value, Normalizer.Form.NFD)));
  }

  private static boolean brokenSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
