package org.lectern.organisation;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/** A multipart file as a logo upload: its size is known before anything is read. */
final class Uploads {

  private Uploads() {}

  static OrganisationLogo.Upload of(MultipartFile file) {
    return new OrganisationLogo.Upload() {
      @Override
      public long size() {
        return file.getSize();
      }

      @Override
      public InputStream open() throws IOException {
        return file.getInputStream();
      }
    };
  }
}
