package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.InvalidInputException;

/** Materials recognised by their bytes; mislabelled, active, bombed and empty files refused. */
class MaterialFileTest {

  @Test
  void plainDocumentsAreRecognisedByTheirBytes() {
    assertThat(MaterialFile.check(MaterialSamples.pdf(), "slides.pdf"))
        .isEqualTo(MaterialFile.Kind.PDF);
    assertThat(MaterialFile.check(MaterialSamples.pdfOpeningAtFirstPage(), "a.PDF"))
        .isEqualTo(MaterialFile.Kind.PDF);
    assertThat(MaterialFile.check(MaterialSamples.pptx(), "deck.pptx"))
        .isEqualTo(MaterialFile.Kind.PPTX);
    assertThat(MaterialFile.check(MaterialSamples.docx(), "handout.docx"))
        .isEqualTo(MaterialFile.Kind.DOCX);
    assertThat(MaterialFile.check(MaterialSamples.png(), "chart.png"))
        .isEqualTo(MaterialFile.Kind.PNG);
  }

  @Test
  void aFileWhoseNameDoesNotMatchItsBytesIsRefused() {
    refused(MaterialSamples.pdf(), "slides.pptx", "learning.material.mislabelled");
    refused(MaterialSamples.docx(), "deck.pptx", "learning.material.mislabelled");
    refused(MaterialSamples.png(), "handout.pdf", "learning.material.mislabelled");
    refused(
        "<html><script>x</script>".getBytes(StandardCharsets.UTF_8),
        "a.pdf",
        "learning.material.type");
    refused(new byte[] {0x4d, 0x5a, 0, 0}, "setup.exe", "learning.material.type");
    refused(new byte[0], "empty.pdf", "learning.material.empty");
  }

  @Test
  void activePdfsAreRefusedEvenWhenTheirObjectsAreCompressed() {
    refused(MaterialSamples.pdfWithJavaScript(), "a.pdf", "learning.material.pdfActive");
    // Raw bytes show nothing here: only the walk through the parsed objects finds the script.
    byte[] hidden = MaterialSamples.pdfWithHiddenJavaScript();
    assertThat(new String(hidden, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript");
    refused(hidden, "a.pdf", "learning.material.pdfActive");
    refused(MaterialSamples.pdfLaunching(), "a.pdf", "learning.material.pdfActive");
    refused(
        java.util.Arrays.copyOf(MaterialSamples.pdf(), 30),
        "cut.pdf",
        "learning.material.unreadable");
  }

  @Test
  void picturesAreDecodedAgainOrRefused() {
    byte[] png = MaterialSamples.png();
    assertThat(MaterialFile.cleanImage(png, MaterialFile.Kind.PNG)).isNotEmpty();
    assertThatThrownBy(
            () -> MaterialFile.cleanImage(java.util.Arrays.copyOf(png, 20), MaterialFile.Kind.PNG))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void zipBombsAndMacrosAreRefused() {
    byte[] bomb = MaterialSamples.zipBomb();
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
    refused(bomb, "deck.pptx", "learning.material.bomb");
    refused(MaterialSamples.macroPresentation(), "deck.pptx", "learning.material.macros");
  }

  @Test
  void namesAreCleanedForShowingAndSending() {
    assertThat(
            MaterialFile.cleanName(
                "C:\\Users\\x\\<img src=x onerror=alert(1)>.pdf", MaterialFile.Kind.PDF))
        .isEqualTo("_img src=x onerror=alert(1)_.pdf");
    assertThat(MaterialFile.cleanName("../../etc/passwd.pdf", MaterialFile.Kind.PDF))
        .isEqualTo("passwd.pdf");
    assertThat(MaterialFile.cleanName(".pdf", MaterialFile.Kind.PDF)).isEqualTo("material.pdf");
    assertThat(MaterialFile.cleanName("Слайды 14-бап.pptx", MaterialFile.Kind.PPTX))
        .isEqualTo("Слайды 14-бап.pptx");
  }

  private static void refused(byte[] bytes, String name, String code) {
    assertThatThrownBy(() -> MaterialFile.check(bytes, name))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).fields().get(0).code()).isEqualTo(code));
  }
}
