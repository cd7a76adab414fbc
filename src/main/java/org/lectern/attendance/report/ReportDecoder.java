package org.lectern.attendance.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns uploaded bytes into text whatever the product or a spreadsheet re-save did to them: Teams
 * writes UTF-16, Excel adds BOMs (sometimes twice) or saves in the Windows code page.
 */
final class ReportDecoder {

  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final byte[][] BINARY_MAGIC = {
    {(byte) 0x89, 'P', 'N', 'G'},
    {'P', 'K', 3, 4},
    {'%', 'P', 'D', 'F'},
    {'G', 'I', 'F', '8'},
    {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
    {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}
  };

  private ReportDecoder() {}

  static String decode(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw ReportFormatException.ofFile(
          ReportFormatException.TOO_LARGE, String.valueOf(bytes.length), String.valueOf(maxBytes));
    }
    if (bytes.length == 0) {
      throw ReportFormatException.ofFile(ReportFormatException.EMPTY);
    }
    rejectKnownBinary(bytes);
    String text = stripLeadingBoms(decodeText(bytes));
    rejectControlCharacters(text);
    if (text.isBlank()) {
      throw ReportFormatException.ofFile(ReportFormatException.EMPTY);
    }
    return text;
  }

  private static String decodeText(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    Charset utf16 = utf16ByNulPattern(bytes);
    if (utf16 != null) {
      return new String(bytes, utf16);
    }
    if (indexOfNul(bytes) >= 0) {
      throw ReportFormatException.ofFile(ReportFormatException.UNREADABLE, "binary");
    }
    try {
      return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return decodeWindowsCodePage(bytes);
    }
  }

  /** ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE. */
  private static Charset utf16ByNulPattern(byte[] bytes) {
    int pairs = Math.min(bytes.length, 4096) / 2;
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < pairs * 2; i += 2) {
      evenNuls += bytes[i] == 0 ? 1 : 0;
      oddNuls += bytes[i + 1] == 0 ? 1 : 0;
    }
    if (pairs == 0) {
      return null;
    }
    // Cyrillic text in UTF-16 has no NULs, but digits, tabs and line ends of a report do.
    if (oddNuls * 5 >= pairs && evenNuls * 20 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenNuls * 5 >= pairs && oddNuls * 20 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** Not UTF-8: a Russian Excel saves CP1251, a French or German one CP1252. */
  private static String decodeWindowsCodePage(byte[] bytes) {
    String cyrillic = new String(bytes, CP1251);
    if (share(cyrillic, Character.UnicodeBlock.CYRILLIC) >= 0.8 && !mixesScripts(cyrillic)) {
      return cyrillic;
    }
    String latin = new String(bytes, CP1252);
    if (share(latin, Character.UnicodeBlock.LATIN_1_SUPPLEMENT) >= 0.8) {
      return latin;
    }
    throw ReportFormatException.ofFile(ReportFormatException.UNREADABLE, "encoding");
  }

  /** Share of the non-ASCII characters that are in the given block. */
  private static double share(String text, Character.UnicodeBlock block) {
    long nonAscii = text.chars().filter(c -> c > 127).count();
    long inBlock =
        text.chars().filter(c -> c > 127 && Character.UnicodeBlock.of(c) == block).count();
    return nonAscii == 0 ? 0 : (double) inBlock / nonAscii;
  }

  /**
   * French read as CP1251 turns "arrivée" into "arrivйe": single Cyrillic letters inside Latin
   * words. Real Russian text keeps Cyrillic words whole.
   */
  private static boolean mixesScripts(String text) {
    int cyrillic = 0;
    int mixed = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
        cyrillic++;
        boolean before = i > 0 && isAsciiLetter(text.charAt(i - 1));
        boolean after = i + 1 < text.length() && isAsciiLetter(text.charAt(i + 1));
        mixed += before || after ? 1 : 0;
      }
    }
    return mixed * 5 > cyrillic;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String stripLeadingBoms(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) == '\uFEFF') {
      start++;
    }
    return text.substring(start);
  }

  private static void rejectKnownBinary(byte[] bytes) {
    for (byte[] magic : BINARY_MAGIC) {
      if (bytes.length >= magic.length
          && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
        throw ReportFormatException.ofFile(ReportFormatException.UNREADABLE, "binary");
      }
    }
  }

  private static void rejectControlCharacters(String text) {
    long control =
        text.chars()
            .limit(8192)
            .filter(c -> (c < 32 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFD)
            .count();
    if (control > 0) {
      throw ReportFormatException.ofFile(ReportFormatException.UNREADABLE, "binary");
    }
  }

  private static boolean startsWith(byte[] bytes, int first, int second) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static java.nio.charset.CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
