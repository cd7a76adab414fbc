package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateFontsTest {

  private static final CertificateFonts FONTS = CertificateFonts.instance();

  @Test
  void everyShippedFaceDrawsKazakhRussianAndLatinLetters() {
    String letters =
        SampleCertificates.KAZAKH_LETTERS
            + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "«»–—№·’‘“”";

    letters.codePoints().forEach(c -> assertThat(FONTS.canDisplay(c)).as("U+%04X", c).isTrue());
  }

  @Test
  void charactersOutsideTheFontsAreReportedByCodePoint() {
    assertThat(FONTS.canDisplay('李')).isFalse();
    assertThat(FONTS.canDisplay(0x1F600)).isFalse();
    assertThatThrownBy(() -> FONTS.requireDisplayable("Нұрғалиева 😀"))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("U+1F600")
        .hasMessageContaining("Нұрғалиева");
  }
}
