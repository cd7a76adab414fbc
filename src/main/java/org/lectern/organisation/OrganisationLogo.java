package org.lectern.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.lectern.shared.error.InvalidInputException;

/**
 * An organisation's logo, accepted only as a PNG (checked by its signature and size in pixels) or
 * an SVG without anything active in it ({@link SvgCheck}). The size is checked before the file is
 * read, so a huge upload is refused without being held in memory.
 */
public record OrganisationLogo(byte[] bytes, String contentType) {

  public static final String PNG = "image/png";
  public static final String SVG = "image/svg+xml";
  static final long MAX_PNG_BYTES = 1024 * 1024;
  static final long MAX_SVG_BYTES = 200 * 1024;
  static final int MAX_PIXELS = 4096;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** A source of upload bytes whose size is known before reading. */
  public interface Upload {
    long size();

    InputStream open() throws IOException;
  }

  /** Reads and checks an upload; refuses with a field error on {@code logo}. */
  public static OrganisationLogo read(Upload upload) {
    if (upload.size() <= 0) {
      throw InvalidInputException.of("logo", "organisation.logo.empty");
    }
    if (upload.size() > MAX_PNG_BYTES) {
      throw InvalidInputException.of("logo", "organisation.logo.tooLarge", MAX_PNG_BYTES / 1024);
    }
    byte[] bytes;
    try (InputStream in = upload.open()) {
      bytes = in.readNBytes((int) MAX_PNG_BYTES + 1);
    } catch (IOException e) {
      throw InvalidInputException.of("logo", "organisation.logo.unreadable");
    }
    return of(bytes);
  }

  /** Checks bytes already in memory (the API's upload). */
  public static OrganisationLogo of(byte[] bytes) {
    if (bytes.length == 0) {
      throw InvalidInputException.of("logo", "organisation.logo.empty");
    }
    if (bytes.length > MAX_PNG_BYTES) {
      throw InvalidInputException.of("logo", "organisation.logo.tooLarge", MAX_PNG_BYTES / 1024);
    }
    if (startsWith(bytes, PNG_SIGNATURE)) {
      checkPng(bytes);
      return new OrganisationLogo(bytes, PNG);
    }
    if (SvgCheck.looksLikeXml(bytes)) {
      if (bytes.length > MAX_SVG_BYTES) {
        throw InvalidInputException.of("logo", "organisation.logo.tooLarge", MAX_SVG_BYTES / 1024);
      }
      SvgCheck.check(bytes);
      return new OrganisationLogo(bytes, SVG);
    }
    throw InvalidInputException.of("logo", "organisation.logo.format");
  }

  // The first chunk of a PNG is IHDR: width and height, 4 bytes each, big-endian.
  private static void checkPng(byte[] b) {
    if (b.length < 33
        || !Arrays.equals(
            Arrays.copyOfRange(b, 12, 16),
            "IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw InvalidInputException.of("logo", "organisation.logo.format");
    }
    int width = ByteBuffer.wrap(b, 16, 4).getInt();
    int height = ByteBuffer.wrap(b, 20, 4).getInt();
    if (width <= 0 || height <= 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
      throw InvalidInputException.of("logo", "organisation.logo.dimensions", MAX_PIXELS);
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(Arrays.copyOfRange(b, 0, prefix.length), prefix);
  }
}
