package org.lectern.learning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.speaker.PhotoCleaner;
import org.lectern.speaker.PhotoTypes;

/**
 * What an uploaded material is, recognised from its bytes (never from its name or claimed type),
 * and whether it is safe to hand to delegates: a PDF without scripts or actions that run by
 * themselves ({@link PdfActiveContent}), an Office document (DOCX, PPTX, XLSX) whose zip unpacks to
 * a sane size and holds no macros, or a PNG/JPEG of sane dimensions. The name's extension must
 * match what the bytes are, so a mislabelled file is refused rather than renamed.
 */
final class MaterialFile {

  /** Unpacked size of an Office document's zip beyond which it is taken for a bomb. */
  static final long MAX_UNPACKED = 200L * 1024 * 1024;

  /** More entries than any real document has. */
  static final int MAX_ENTRIES = 10_000;

  enum Kind {
    PDF("application/pdf", "pdf", null),
    DOCX(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    PPTX(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    XLSX(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    PNG("image/png", "png", null),
    JPEG("image/jpeg", "jpg", null);

    final String contentType;
    final String extension;
    final String mainPart;

    Kind(String contentType, String extension, String mainPart) {
      this.contentType = contentType;
      this.extension = extension;
      this.mainPart = mainPart;
    }

    boolean named(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      return lower.endsWith("." + extension) || (this == JPEG && lower.endsWith(".jpeg"));
    }
  }

  private MaterialFile() {}

  /** The kind of a material, or an {@link InvalidInputException} on field {@code file}. */
  static Kind check(byte[] bytes, String fileName) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.of("file", "learning.material.empty");
    }
    Kind kind = sniff(bytes);
    if (kind == null) {
      throw InvalidInputException.of("file", "learning.material.type");
    }
    if (!kind.named(fileName)) {
      throw InvalidInputException.of("file", "learning.material.mislabelled", kind.extension);
    }
    switch (kind) {
      case PDF -> {
        String problem = PdfActiveContent.problem(bytes);
        if (problem != null) {
          throw InvalidInputException.of("file", problem);
        }
      }
      case DOCX, PPTX, XLSX -> office(bytes, kind);
      case PNG, JPEG -> {
        if (PhotoCleaner.tooLarge(bytes)) {
          throw InvalidInputException.of(
              "file", "learning.material.imageTooLarge", PhotoCleaner.MAX_SIDE);
        }
      }
    }
    return kind;
  }

  /**
   * A picture decoded and encoded again, so that nothing but its pixels (no GPS position, no camera
   * serial) is handed out; refused when it cannot be decoded.
   */
  static byte[] cleanImage(byte[] bytes, Kind kind) {
    byte[] clean = PhotoCleaner.clean(bytes, kind.contentType);
    if (clean == null) {
      throw InvalidInputException.of("file", "learning.material.unreadable");
    }
    return clean;
  }

  /** The kind by magic bytes; an Office zip by the content type of its main part. */
  static Kind sniff(byte[] b) {
    if (startsWith(b, "%PDF-")) {
      return Kind.PDF;
    }
    String image = PhotoTypes.detect(b);
    if ("image/png".equals(image)) {
      return Kind.PNG;
    }
    if ("image/jpeg".equals(image)) {
      return Kind.JPEG;
    }
    if (b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      String types = contentTypes(b);
      if (types == null) {
        return null;
      }
      for (Kind k : Kind.values()) {
        if (k.mainPart != null && types.contains(k.mainPart)) {
          return k;
        }
      }
    }
    return null;
  }

  /** {@code [Content_Types].xml} as text (read as bytes, never by an XML parser), or null. */
  private static String contentTypes(byte[] b) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      ZipEntry e;
      int entries = 0;
      while ((e = zip.getNextEntry()) != null && entries++ < MAX_ENTRIES) {
        if ("[Content_Types].xml".equals(e.getName())) {
          byte[] text = zip.readNBytes(1024 * 1024);
          return new String(text, StandardCharsets.UTF_8);
        }
      }
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Unpacks every entry, counting (never trusting the sizes the zip declares). */
  private static void office(byte[] b, Kind kind) {
    long unpacked = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw InvalidInputException.of("file", "learning.material.bomb");
        }
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith("vbaproject.bin") || name.contains("activex")) {
          throw InvalidInputException.of("file", "learning.material.macros");
        }
        unpacked += drain(zip, buffer, MAX_UNPACKED - unpacked);
        if (unpacked > MAX_UNPACKED) {
          throw InvalidInputException.of("file", "learning.material.bomb");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw InvalidInputException.of("file", "learning.material.unreadable");
    }
    String types = contentTypes(b);
    if (types == null || types.toLowerCase(Locale.ROOT).contains("macroenabled")) {
      throw InvalidInputException.of("file", "learning.material.macros");
    }
  }

  /** Reads at most {@code room + 1} bytes of the current entry; returns how many it read. */
  private static long drain(InputStream in, byte[] buffer, long room) throws IOException {
    long read = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      read += n;
      if (read > room) {
        return read;
      }
    }
    return read;
  }

  private static boolean startsWith(byte[] b, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (b.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (b[i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A file name safe to show and to send back: no path, no control or markup characters, at most
   * 120 characters, keeping the extension.
   */
  static String cleanName(String original, Kind kind) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}<>\"'`&;:*?|%\\\\]", "_").strip();
    int dot = name.lastIndexOf('.');
    String stem = (dot >= 0 ? name.substring(0, dot) : name).replaceAll("^[.\\s]+", "");
    if (stem.isBlank()) {
      stem = "material";
    }
    if (stem.length() > 100) {
      stem = stem.substring(0, 100);
    }
    String ext =
        kind == Kind.JPEG && name.toLowerCase(Locale.ROOT).endsWith(".jpeg")
            ? "jpeg"
            : kind.extension;
    return stem + "." + ext;
  }
}
