package org.lectern.speaker;

/** Recognises JPEG, PNG and WebP by their first bytes, never by the name or claimed type. */
public final class PhotoTypes {

  private PhotoTypes() {}

  public static String detect(byte[] b) {
    if (b == null || b.length < 12) {
      return null;
    }
    if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
      return "image/webp";
    }
    return null;
  }
}
