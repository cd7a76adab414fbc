package org.lectern.certificate.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts shipped with Lectern (DejaVu, open licence, full Kazakh and Russian Cyrillic) and the
 * set of characters all of them can draw, so that a missing glyph is an error and not a blank box.
 */
final class CertificateFonts {

  static final String SERIF = "Lectern Serif";
  static final String SANS = "Lectern Sans";

  private record Face(String resource, String family, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("DejaVuSerif.ttf", SERIF, 400, FontStyle.NORMAL),
          new Face("DejaVuSerif-Bold.ttf", SERIF, 700, FontStyle.NORMAL),
          new Face("DejaVuSerif-Italic.ttf", SERIF, 400, FontStyle.ITALIC),
          new Face("DejaVuSans.ttf", SANS, 400, FontStyle.NORMAL));

  private static final CertificateFonts INSTANCE = new CertificateFonts();

  private final List<byte[]> fontBytes;
  private final BitSet coverage;

  private CertificateFonts() {
    fontBytes = FACES.stream().map(face -> read("/certificate/fonts/" + face.resource())).toList();
    coverage = new BitSet(Character.MAX_CODE_POINT + 1);
    coverage.set(0, Character.MAX_CODE_POINT + 1);
    fontBytes.forEach(bytes -> coverage.and(codePointsOf(bytes)));
  }

  static CertificateFonts instance() {
    return INSTANCE;
  }

  /** Registers every face, also under the generic family names a template author may use. */
  void registerWith(PdfRendererBuilder builder) {
    for (int i = 0; i < FACES.size(); i++) {
      Face face = FACES.get(i);
      byte[] bytes = fontBytes.get(i);
      for (String family : families(face.family())) {
        builder.useFont(
            () -> new ByteArrayInputStream(bytes), family, face.weight(), face.style(), true);
      }
    }
  }

  boolean canDisplay(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isISOControl(codePoint)
        || coverage.get(codePoint);
  }

  /** Throws {@link MissingGlyphException} for the first character no shipped face can draw. */
  void requireDisplayable(String text) {
    text.codePoints()
        .filter(c -> !canDisplay(c))
        .findFirst()
        .ifPresent(
            c -> {
              throw new MissingGlyphException(c, text);
            });
  }

  private static List<String> families(String family) {
    return family.equals(SERIF)
        ? List.of(SERIF, "serif", "Serif")
        : List.of(SANS, "sans-serif", "SansSerif");
  }

  private static BitSet codePointsOf(byte[] bytes) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
      CmapLookup cmap = font.getUnicodeCmapLookup();
      BitSet covered = new BitSet(Character.MAX_CODE_POINT + 1);
      for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
        if (cmap.getGlyphId(c) != 0) {
          covered.set(c);
        }
      }
      return covered;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = CertificateFonts.class.getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
