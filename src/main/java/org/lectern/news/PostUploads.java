package org.lectern.news;

import java.io.IOException;
import java.io.InputStream;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/** Reads an upload without trusting its declared size: never more than the limit plus one byte. */
final class PostUploads {

  private PostUploads() {}

  static byte[] read(MultipartFile file) throws IOException {
    if (file.getSize() > PostPictures.MAX_BYTES) {
      throw InvalidInputException.of(
          "image", "news.image.tooBig", PostPictures.MAX_BYTES / (1024 * 1024));
    }
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readNBytes(PostPictures.MAX_BYTES + 1);
      if (bytes.length > PostPictures.MAX_BYTES) {
        throw InvalidInputException.of(
            "image", "news.image.tooBig", PostPictures.MAX_BYTES / (1024 * 1024));
      }
      return bytes;
    }
  }
}
