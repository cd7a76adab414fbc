package org.lectern.speaker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos lose everything but their pixels before they are stored: a phone's JPEG carries where and
 * when it was taken (EXIF GPS), the camera's serial number and often a thumbnail of the uncropped
 * picture. JPEG and PNG are decoded and encoded again (nothing but pixels survives); WebP, which
 * the JDK cannot decode, keeps its image chunks and loses its EXIF and XMP chunks.
 */
public final class PhotoCleaner {

  /** Larger pictures are refused before decoding: a small file can claim a huge canvas. */
  public static final int MAX_SIDE = 4_000;

  private PhotoCleaner() {}

  /** The photo without metadata, or null when it cannot be read as the type it claims. */
  public static byte[] clean(byte[] bytes, String type) {
    try {
      return switch (type) {
        case "image/jpeg" -> reencode(bytes, "jpeg");
        case "image/png" -> reencode(bytes, "png");
        case "image/webp" -> webpWithoutMetadata(bytes);
        default -> null;
      };
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the picture is larger than {@link #MAX_SIDE} on a side (read from its header only). */
  public static boolean tooLarge(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] reencode(byte[] bytes, String format) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      return null;
    }
    if ("jpeg".equals(format) && image.getColorModel().hasAlpha()) {
      BufferedImage rgb =
          new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(image, 0, 0, null);
      image = rgb;
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    var out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if ("jpeg".equals(format)) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Copies the RIFF container without its EXIF and XMP chunks, clearing their VP8X flags. */
  private static byte[] webpWithoutMetadata(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    var out = new ByteArrayOutputStream();
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String fourcc = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
      int size = in.getInt(pos + 4);
      if (size < 0 || pos + 8L + size > bytes.length) {
        return null;
      }
      int padded = size + (size & 1);
      int end = Math.min(bytes.length, pos + 8 + padded);
      if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
        byte[] chunk = java.util.Arrays.copyOfRange(bytes, pos, end);
        if (fourcc.equals("VP8X") && chunk.length > 8) {
          chunk[8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags
        }
        out.writeBytes(chunk);
      }
      pos = end;
    }
    byte[] body = out.toByteArray();
    ByteBuffer result = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    result.put(bytes, 0, 4).putInt(4 + body.length).put(bytes, 8, 4).put(body);
    return result.array();
  }
}
