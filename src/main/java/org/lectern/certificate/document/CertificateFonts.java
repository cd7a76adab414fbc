package org.lectern.certificate.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

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
  private final Queue<List<TrueTypeFont>> idle = new ConcurrentLinkedQueue<>();

  private CertificateFonts() {
    fontBytes = FACES.stream().map(face -> read("/certificate/fonts/" + face.resource())).toList();
    coverage = new BitSet(Character.MAX_CODE_POINT + 1);
    coverage.set(0, Character.MAX_CODE_POINT + 1);
    fontBytes.forEach(bytes -> coverage.and(codePointsOf(bytes)));
  }

  static CertificateFonts instance() {
    return INSTANCE;
  }

  /**
   * Parsed faces for one rendering at a time. Parsing is the slowest part of a certificate, so
   * parsed faces are reused (one set per concurrent rendering) instead of parsed per certificate.
   */
  Lease lease() {
    List<TrueTypeFont> parsed = idle.poll();
    return new Lease(parsed != null ? parsed : parseAll());
  }

  /** Faces borrowed until the document that uses them is saved. */
  final class Lease implements AutoCloseable {
    private final List<TrueTypeFont> parsed;

    private Lease(List<TrueTypeFont> parsed) {
      this.parsed = parsed;
    }

    /** Registers every face, also under the generic family names a template author may use. */
    void registerWith(PdfRendererBuilder builder, PDDocument document) {
      for (int i = 0; i < FACES.size(); i++) {
        Face face = FACES.get(i);
        for (String family : families(face.family())) {
          builder.useFont(
              new LazyFont(document, parsed.get(i)), family, face.weight(), face.style(), true);
        }
      }
    }

    @Override
    public void close() {
      idle.offer(parsed);
    }
  }

  /** Loads the face into the document only when the layout first asks for it. */
  private static final class LazyFont extends PDFontSupplier {
    private final PDDocument document;
    private final TrueTypeFont font;
    private PDFont loaded;

    LazyFont(PDDocument document, TrueTypeFont font) {
      super(null);
      this.document = document;
      this.font = font;
    }

    @Override
    public PDFont supply() {
      if (loaded == null) {
        try {
          loaded = PDType0Font.load(document, font, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return loaded;
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

  private List<TrueTypeFont> parseAll() {
    return fontBytes.stream().map(CertificateFonts::parse).toList();
  }

  private static TrueTypeFont parse(byte[] bytes) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> families(String family) {
    return family.equals(SERIF)
        ? List.of(SERIF, "serif", "Serif")
        : List.of(SANS, "sans-serif", "SansSerif");
  }

  private static BitSet codePointsOf(byte[] bytes) {
    try (TrueTypeFont font = parse(bytes)) {
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
