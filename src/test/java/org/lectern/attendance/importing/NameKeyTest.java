package org.lectern.attendance.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

  @Test
  void cyrillicAndLatinSpellingsMeet() {
    assertThat(NameKey.of("Айгерим Сарсенбаева")).isEqualTo(NameKey.of("Aigerim Sarsenbayeva"));
    assertThat(NameKey.of("Асель Ахметова")).isEqualTo(NameKey.of("Asel Akhmetova"));
    assertThat(NameKey.of("Жанна Ким")).isEqualTo(NameKey.of("Zhanna Kim"));
    assertThat(NameKey.of("Нұрлан Әбенов")).isEqualTo(NameKey.of("Nurlan Abenov"));
  }

  @Test
  void orderCaseSuffixesAndDiacriticsDoNotMatter() {
    assertThat(NameKey.of("Goliath, David")).isEqualTo(NameKey.of("david GOLIATH"));
    assertThat(NameKey.of("JANSSENS JAN (EXT)")).isEqualTo(NameKey.of("Jan Janssens"));
    assertThat(NameKey.of("Müller Hans (Guest)")).isEqualTo(NameKey.of("Hans Muller"));
    assertThat(NameKey.of("García Simón, Pedro")).isEqualTo(NameKey.of("Pedro Garcia Simon"));
  }

  @Test
  void differentPeopleStayApart() {
    assertThat(NameKey.of("Aigerim Sarsenbayeva")).isNotEqualTo(NameKey.of("Aigerim Sarsenova"));
    assertThat(NameKey.of("Bolat")).isNotEqualTo(NameKey.of("Bolat Nurlanov"));
    assertThat(NameKey.of("(Guest)")).isEmpty();
  }
}
