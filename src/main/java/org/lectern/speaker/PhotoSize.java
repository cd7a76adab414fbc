package org.lectern.speaker;

/**
 * Reads a photo's width and height from its header without decoding it, so that a small file
 * claiming 100 000 × 100 000 pixels (a decompression bomb for every browser that shows it) is
 * refused. Null when the header cannot be read (a truncated or disguised file).
 */
final class PhotoSize {

  /** The largest side Lectern accepts; a speaker photo is shown at a few hundred pixels. */
  static final int MAX_SIDE = 8_000;

  record Size(int width, int height) {
    boolean acceptable() {
      return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE;
    }
  }

  private PhotoSize() {}

  static Size of(byte[] b, String type) {
    return switch (type) {
      case "image/png" -> png(b);
      case "image/jpeg" -> jpeg(b);
      case "image/webp" -> webp(b);
      default -> null;
    };
  }

  private static Size png(byte[] b) {
    if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      return null;
    }
    return new Size(be32(b, 16), be32(b, 20));
  }

  private static Size jpeg(byte[] b) {
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        return new Size(be16(b, i + 7), be16(b, i + 5));
      }
      if (marker == 0xDA || marker == 0xD9) {
        return null; // image data or the end before any frame header
      }
      i += 2 + be16(b, i + 2);
    }
    return null;
  }

  private static Size webp(byte[] b) {
    if (b.length < 30) {
      return null;
    }
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> new Size(1 + le24(b, 24), 1 + le24(b, 27));
      case "VP8 " -> new Size(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
      case "VP8L" -> {
        int bits =
            (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
        yield new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
      }
      default -> null;
    };
  }

  private static int be32(byte[] b, int i) {
    long v =
        (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static int be16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  private static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  private static int le24(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
  }
}
