package org.lectern.news;

import org.lectern.shared.error.InvalidInputException;
import org.lectern.speaker.PhotoCleaner;
import org.lectern.speaker.PhotoTypes;

/**
 * Pictures for posts: PNG or JPEG recognised by their first bytes (never by name or claimed type),
 * at most {@value #MAX_BYTES} bytes and {@value PhotoCleaner#MAX_SIDE} pixels a side, decoded and
 * encoded again so that nothing but the pixels (no GPS position, no camera serial) is published.
 */
final class PostPictures {

  static final int MAX_BYTES = 5 * 1024 * 1024;

  record Picture(String type, byte[] bytes) {}

  private PostPictures() {}

  static Picture clean(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.of("image", "news.image.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidInputException.of("image", "news.image.tooBig", MAX_BYTES / (1024 * 1024));
    }
    String type = PhotoTypes.detect(bytes);
    if (!"image/png".equals(type) && !"image/jpeg".equals(type)) {
      throw InvalidInputException.of("image", "news.image.type");
    }
    if (PhotoCleaner.tooLarge(bytes)) {
      throw InvalidInputException.of("image", "news.image.tooLarge", PhotoCleaner.MAX_SIDE);
    }
    byte[] clean = PhotoCleaner.clean(bytes, type);
    if (clean == null) {
      throw InvalidInputException.of("image", "news.image.unreadable");
    }
    return new Picture(type, clean);
  }
}
