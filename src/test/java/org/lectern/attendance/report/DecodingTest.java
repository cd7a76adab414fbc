package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encodings, byte-order marks, line ends and delimiters as products and Excel write them. */
class DecodingTest {

  private static final String TEXT =
      "Полное имя\tДействие\tМетка времени\nАсель\tJoined\t14.03.2024\n";

  private static String decode(byte[] bytes) {
    return ReportDecoder.decode(bytes, 1 << 20);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf8WithZeroOneOrTwoBoms() {
    byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(decode(plain)).isEqualTo(TEXT);
    assertThat(decode(concat(bom, plain))).isEqualTo(TEXT);
    assertThat(decode(concat(bom, concat(bom, plain)))).isEqualTo(TEXT);
  }

  @Test
  void utf16WithAndWithoutBom() {
    byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = TEXT.getBytes(StandardCharsets.UTF_16BE);
    assertThat(decode(le)).isEqualTo(TEXT);
    assertThat(decode(be)).isEqualTo(TEXT);
    assertThat(decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le))).isEqualTo(TEXT);
    assertThat(decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be))).isEqualTo(TEXT);
  }

  @Test
  void windowsCodePagesWhenNotUtf8() {
    assertThat(decode(TEXT.getBytes(Charset.forName("windows-1251")))).isEqualTo(TEXT);
    String french = "Nom complet;Heure d'arrivée\nLéa Martin;13/04/2021 à 09:01:31\n";
    assertThat(decode(french.getBytes(Charset.forName("windows-1252")))).isEqualTo(french);
  }

  @Test
  void delimiterIsSniffedFromTheContent() {
    assertThat(DelimiterSniffer.sniff(TEXT)).isEqualTo('\t');
    assertThat(DelimiterSniffer.sniff("a;b;c\n\"x,y\";2;3\n")).isEqualTo(';');
    assertThat(DelimiterSniffer.sniff("Name,Join Time\n\"Doe; Jane\",10:00\n")).isEqualTo(',');
  }

  @Test
  void rowsKeepTheirLineAcrossLineEndingsAndBlankLines() {
    for (String nl : List.of("\n", "\r\n", "\r")) {
      String text = "h1,h2" + nl + nl + "a,\"multi" + nl + "line\"" + nl + nl + "b, c ,,," + nl;
      List<Row> rows = TableReader.read(text, ',');
      assertThat(rows).extracting(Row::line).containsExactly(1, 3, 6);
      assertThat(rows.get(2).cells()).containsExactly("b", "c");
    }
  }

  @Test
  void noBreakSpacesAreCleaned() {
    assertThat(Text.clean("\u00a02\u00a0h\u202f44\u00a0m ")).isEqualTo("2 h 44 m");
    assertThat(Text.key("  ÉVA  Kovács\u00a0")).isEqualTo(Text.key("éva kovács"));
  }
}
