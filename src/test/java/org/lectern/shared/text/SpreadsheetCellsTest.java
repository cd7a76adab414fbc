package org.lectern.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "  =1+1",
        "＝1+1"
      })
  void formulaeBecomeText(String cell) {
    assertThat(SpreadsheetCells.text(cell)).isEqualTo("'" + cell);
  }

  @Test
  void ordinaryTextStaysAsItIs() {
    assertThat(SpreadsheetCells.text("Айгерим Сарсенбаева")).isEqualTo("Айгерим Сарсенбаева");
    assertThat(SpreadsheetCells.text("a-b@mail.kz")).isEqualTo("a-b@mail.kz");
    assertThat(SpreadsheetCells.text("")).isEmpty();
    assertThat(SpreadsheetCells.text(null)).isEmpty();
  }
}
