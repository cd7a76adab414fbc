package org.lectern.certificate.document;

/** Text holds a character our fonts cannot draw: failing beats printing an empty box in a name. */
public class MissingGlyphException extends CertificateRenderingException {

  private final int codePoint;

  public MissingGlyphException(int codePoint, String text) {
    super(
        String.format(
            "The certificate fonts have no glyph for '%s' (U+%04X) in \"%s\"",
            new String(Character.toChars(codePoint)), codePoint, abbreviate(text)));
    this.codePoint = codePoint;
  }

  public int codePoint() {
    return codePoint;
  }

  private static String abbreviate(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= 80 ? trimmed : trimmed.substring(0, 77) + "...";
  }
}
