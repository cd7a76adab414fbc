package org.lectern.notification;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
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
 *
 * <p>A text part set from a {@code String} is written by Angus Mail's {@code text/plain} handler
 * through a stream that passes every byte on one call at a time, twice per part: once to choose the
 * transfer encoding, once to send (issue 16, fifth pass: about a tenth of the JVM's CPU per
 * registration). {@link #textAsBytes} turns such parts into the same text as UTF-8 bytes, which
 * both passes read in blocks; the message is byte for byte the one Jakarta Mail would have written.
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

  /**
   * A file that the mails of a batch send alike (a programme's calendar, {@link MailFiles}) as its
   * body part is written: headers and transfer-encoded content, made once as {@link
   * MimeMessageHelper#addAttachment} and Jakarta Mail make it for each mail (issue 16, eighth pass:
   * the same file was scanned and encoded again for every mail). {@link #addEncoded} puts it into a
   * message; the message written is byte for byte the one with the file attached the usual way.
   */
  static byte[] encodedAttachment(Session session, MailAttachment file) throws MessagingException {
    MimeMessage scratch = new MimeMessage(session);
    MimeMessageHelper h = helper(scratch);
    h.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
    scratch.saveChanges();
    Multipart root = h.getRootMimeMultipart();
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 * file.content().length + 512);
    try {
      root.getBodyPart(root.getCount() - 1).writeTo(out);
    } catch (IOException e) {
      throw new MessagingException("Cannot encode the attachment", e);
    }
    return out.toByteArray();
  }

  /**
   * Attaches a file encoded by {@link #encodedAttachment}: its content is written as it is, not
   * decoded and encoded again, since the part names its transfer encoding.
   */
  static void addEncoded(MimeMessageHelper h, byte[] encoded) throws MessagingException {
    h.getRootMimeMultipart().addBodyPart(new MimeBodyPart(new SharedByteArrayInputStream(encoded)));
  }

  /**
   * Replaces every text body part set from a {@code String} (as {@link MimeMessageHelper#setText}
   * sets them) by the same text encoded in the part's charset, with the same content type. The
   * transfer encoding is still chosen by Jakarta Mail, from the bytes.
   */
  static void textAsBytes(MimeMessage mime) throws MessagingException {
    try {
      if (mime.getContent() instanceof Multipart multipart) {
        textAsBytes(multipart);
      }
    } catch (IOException e) {
      throw new MessagingException("Cannot read the message's parts", e);
    }
  }

  private static void textAsBytes(Multipart multipart) throws MessagingException, IOException {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (!(part instanceof MimeBodyPart body)) {
        continue;
      }
      DataHandler dh = body.getDataHandler();
      if (dh.getName() != null) {
        continue; // an attachment or a part already read from a data source
      }
      Object content = dh.getContent();
      if (content instanceof Multipart inner) {
        textAsBytes(inner);
      } else if (content instanceof String text) {
        String type = dh.getContentType();
        String charset = new ContentType(type).getParameter("charset");
        Charset cs = charset == null ? StandardCharsets.US_ASCII : Charset.forName(charset);
        body.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(cs), type)));
      }
    }
  }
}
