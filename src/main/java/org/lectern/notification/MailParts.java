package org.lectern.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Building messages without the per-message look-ups Jakarta Mail and Spring do by default.
 *
 * <p>Jakarta Mail 2.1 finds its {@code StreamProvider} with a {@code ServiceLoader} scan of the
 * class path on every body part, multipart, encoded header and write (jakartaee/mail-api issues 699
 * and 861), and Spring's {@link MimeMessageHelper} parses the {@code mime.types} files of the class
 * path again for every message that is not one of its own. Under a registration burst the two took
 * more CPU than anything else in Lectern (BENCHMARKS.md, issue 16). Naming the provider in the
 * system property the finder reads first, and sharing one file-type map, leave one look-up each.
 */
final class MailParts {

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAM_PROVIDER =
      "org.eclipse.angus.mail.util.MailStreamProvider";
  private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

  private MailParts() {}

  /** Names Angus Mail's stream provider unless the installation named one (idempotent). */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAM_PROVIDER, false, MailParts.class.getClassLoader());
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    } catch (ClassNotFoundException notThere) {
      // Another implementation: Jakarta Mail finds it the slow way.
    }
  }

  /** A multipart UTF-8 helper that uses the shared file-type map. */
  static MimeMessageHelper helper(MimeMessage mime) throws MessagingException {
    return new MimeMessageHelper(mime, true, "UTF-8") {
      @Override
      protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
        return FILE_TYPES;
      }
    };
  }
}
