package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Text parts as bytes (issue 16): the same parts, encodings and text as Jakarta Mail's own. */
class MailPartsTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void textPartsAsBytesKeepTheirTypeEncodingAndText() throws Exception {
    String[][] mails = {
      {"Plain ASCII, a short line.\nSecond line.", null},
      {"Ваша регистрация подтверждена, Анна.", "<p>Ваша регистрация <b>подтверждена</b></p>"},
      {"Тіркеуіңіз расталды. Mostly English text with one word in Kazakh: сәлем", "<p>ok</p>"},
      {"A line longer than a mail line may be. ".repeat(40), null},
    };
    for (String[] m : mails) {
      MimeMessage plain = message(m[0], m[1]);
      MimeMessage bytes = message(m[0], m[1]);
      MailParts.textAsBytes(bytes);
      plain.saveChanges();
      bytes.saveChanges();
      List<String> expected = describe(plain);
      assertThat(describe(bytes)).isEqualTo(expected).hasSize(m[1] == null ? 2 : 3);
      assertThat(expected.get(0)).contains(m[0]);
    }
  }

  @Test
  void attachmentsAreLeftAlone() throws Exception {
    MimeMessage mime = message("Text", null);
    MailParts.textAsBytes(mime);
    mime.saveChanges();
    var out = new ByteArrayOutputStream();
    mime.writeTo(out);
    assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII))
        .contains("filename=invite.ics")
        .contains("BEGIN:VCALENDAR");
  }

  @Test
  void aFileEncodedOnceIsWrittenAsAttachingItForEachMailWrites() throws Exception {
    String[] calendars = {
      "BEGIN:VCALENDAR\r\nSUMMARY:Fair trial\r\nEND:VCALENDAR\r\n",
      "BEGIN:VCALENDAR\r\nSUMMARY:Право на справедливый суд по МПГПП\r\nEND:VCALENDAR\r\n",
      "BEGIN:VCALENDAR\r\nSUMMARY:АСҚП бойынша әділ сотқа құқық\r\nDESCRIPTION:"
          + "Мәтін ".repeat(200)
          + "\r\nEND:VCALENDAR\r\n",
    };
    for (String calendar : calendars) {
      MailAttachment file =
          new MailAttachment(
              "Программа.ics",
              MailAttachment.CALENDAR,
              calendar.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              java.util.UUID.randomUUID());
      byte[] encoded = MailParts.encodedAttachment(SESSION, file);
      for (int mail = 0; mail < 2; mail++) {
        var usual = bare("Ваша регистрация подтверждена.");
        usual.addAttachment(
            file.filename(), new ByteArrayResource(file.content()), file.contentType());
        var once = bare("Ваша регистрация подтверждена.");
        MailParts.addEncoded(once, encoded);
        assertThat(written(once.getMimeMessage())).isEqualTo(written(usual.getMimeMessage()));
      }
    }
  }

  /** A message with text parts only, and its helper (which adds the file to it). */
  private static org.springframework.mail.javamail.MimeMessageHelper bare(String text)
      throws Exception {
    MimeMessage mime = new MimeMessage(SESSION);
    var h = MailParts.helper(mime);
    h.setFrom("from@example.org");
    h.setTo("to@example.org");
    h.setSubject("Тема");
    h.setText(text, "<p>" + text + "</p>");
    mime.setSentDate(new java.util.Date(0));
    return h;
  }

  /** The message as written, with its multipart boundaries (unique per message) named alike. */
  private static String written(MimeMessage mime) throws Exception {
    MailParts.textAsBytes(mime);
    mime.saveChanges();
    mime.setHeader("Message-ID", "<fixed@example.org>");
    var out = new ByteArrayOutputStream();
    mime.writeTo(out);
    return out.toString(java.nio.charset.StandardCharsets.US_ASCII)
        .replaceAll("----=_Part_[0-9]+_[0-9-]+\\.[0-9]+", "BOUNDARY");
  }

  private static MimeMessage message(String text, String html) throws Exception {
    MimeMessage mime = new MimeMessage(SESSION);
    var h = MailParts.helper(mime);
    h.setFrom("from@example.org");
    h.setTo("to@example.org");
    h.setSubject("Subject");
    if (html == null) {
      h.setText(text);
    } else {
      h.setText(text, html);
    }
    h.addAttachment(
        "invite.ics",
        new ByteArrayResource("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes()),
        "text/calendar; charset=UTF-8");
    return mime;
  }

  /** Every leaf part: content type, transfer encoding, decoded content. */
  private static List<String> describe(MimeMessage mime) throws Exception {
    // Written and read back, as the receiving side sees it.
    var out = new ByteArrayOutputStream();
    mime.writeTo(out);
    var read = new MimeMessage(SESSION, new java.io.ByteArrayInputStream(out.toByteArray()));
    List<String> parts = new ArrayList<>();
    leaves((Multipart) read.getContent(), parts);
    return parts;
  }

  private static void leaves(Multipart multipart, List<String> parts) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart p = multipart.getBodyPart(i);
      Object content = p.getContent();
      if (content instanceof Multipart inner) {
        leaves(inner, parts);
      } else {
        String[] cte = p.getHeader("Content-Transfer-Encoding");
        String body =
            content instanceof String s
                ? s
                : new String(((java.io.InputStream) content).readAllBytes());
        parts.add(body + " | " + p.getContentType() + " | " + (cte == null ? "" : cte[0]));
      }
    }
  }
}
