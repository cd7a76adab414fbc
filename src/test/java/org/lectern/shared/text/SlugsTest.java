package org.lectern.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void textInAnyScriptBecomesAValidLatinSlug() {
    String kk = Slugs.fromText("Әділ сот — 2021!", 60);
    assertThat(kk).isEqualTo("adil-sot-2021");
    assertThat(Slugs.isValid(kk)).isTrue();
    assertThat(Slugs.fromText("Право на справедливый суд", 60))
        .isEqualTo("pravo-na-spravedlivyj-sud");
    // Every Kazakh letter survives (the transliterator alone drops ә, ө, ұ…).
    assertThat(Slugs.fromText("Әділ Өмір Ұлы Қаңтар Үміт Һ Ғ", 60))
        .isEqualTo("adil-omir-uly-qantar-umit-h-g");
  }

  @Test
  void longTextIsCutWithoutATrailingHyphenAndNothingLeftIsEmpty() {
    String cut = Slugs.fromText("word ".repeat(40), 12);
    assertThat(cut).isEqualTo("word-word-wo");
    assertThat(Slugs.fromText("word word", 5)).isEqualTo("word");
    assertThat(Slugs.fromText("!!! ???", 60)).isEmpty();
    assertThat(Slugs.fromText(null, 60)).isEmpty();
  }
}
