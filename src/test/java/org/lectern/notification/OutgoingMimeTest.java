package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Messages written as bytes (issue 16, ninth pass) against the same messages built through {@code
 * MimeMessageHelper} ({@link HelperMime}), over many generated mails: the same headers, structure,
 * content types, transfer encodings, decoded texts and files; Message-IDs and envelope senders
 * alike and unique; on the wire CRLF only, no line over 998, dot-stuffed line starts.
 */
class OutgoingMimeTest {

  private static final Session SESSION = Session.getInstance(new Properties());
  private static final String FROM = "Lectern <lectern@example.org>";
  private static final String NEUTRAL = "training@example.org";

  private static final String[] PIECES = {
    "Hello Anna,",
    "Здравствуйте, Айгерим Сапарова!",
    "Сәлеметсіз бе, Әсел! Тіркеуіңіз расталды.",
    ".",
    ".a line that starts with a dot",
    "..two dots",
    "trailing space ",
    "trailing tab\t",
    "tab\tinside",
    "equals = sign and =3D literal",
    "",
    "https://lectern.example.org/p/abc/confirm?token=" + "x1Y2z3".repeat(20),
    "From the start of a line",
    "----=_Part_1_2.3 looks like a boundary",
    "Ваша регистрация на «Право на справедливый суд» подтверждена — 9 февраля 2031 г., 10:00.",
    "A line longer than a mail line may be. ".repeat(30),
    "Қазақ тілінде ұзын жол. ".repeat(60),
    "Mostly English with one word: сәлем.",
  };

  private static final String[] SUBJECTS = {
    "Registration confirmed",
    "Регистрация подтверждена: Право на справедливый суд по МПГПП — вебинар для адвокатов",
    "Тіркеу расталды: АСҚП бойынша әділ сотқа құқық",
    "A subject with =?UTF-8?Q?what_looks_encoded?= and \"quotes\"",
    "Short",
  };

  private static final String[] NAMES = {
    null,
    "Адвокатская палата г. Алматы",
    "Қазақстан заңгерлері «Әділет»",
    "O'Brien & \"Partners\", LLP",
    "Центр повышения квалификации юристов при Республиканской коллегии адвокатов",
  };

  private static final String[] RECIPIENTS = {
    "anna@example.kz", "user+tag@example.org", "Anna Smith <anna.smith@example.org>"
  };

  static ReturnPath returnPath(String bounces) {
    PersonalDataCipher cipher = mock(PersonalDataCipher.class);
    when(cipher.blindIndex(anyString(), anyString()))
        .thenAnswer(
            i -> {
              var sha = java.security.MessageDigest.getInstance("SHA-256");
              return java.util.HexFormat.of()
                  .formatHex(sha.digest(((String) i.getArgument(0)).getBytes()));
            });
    return new ReturnPath(cipher, bounces);
  }

  static OutboxMessage message(OutgoingMail mail) {
    Instant now = Instant.now();
    return new OutboxMessage(UUID.randomUUID(), mail, MailStatus.PENDING, 0, now, null, now, null);
  }

  static OutgoingMail mail(
      String to,
      String language,
      String subject,
      String text,
      String html,
      List<MailAttachment> files,
      boolean neutral,
      String senderName,
      String unsubscribe) {
    return new OutgoingMail(
        "registration.confirmed",
        UUID.randomUUID(),
        to,
        language,
        subject,
        text,
        html,
        files,
        "k:" + UUID.randomUUID(),
        neutral,
        senderName,
        unsubscribe,
        null,
        null);
  }

  static MailAttachment calendar(String summary) {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:"
            + summary
            + "\r\nDTSTART:20310209T040000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return new MailAttachment(
        "Программа.ics",
        MailAttachment.CALENDAR,
        ics.getBytes(StandardCharsets.UTF_8),
        UUID.randomUUID());
  }

  @Test
  void generatedMailsAreTheMessagesTheHelperBuilds() throws Exception {
    Random random = new Random(16);
    List<MailAttachment> shared =
        List.of(
            calendar("Fair trial"),
            calendar("Право на справедливый суд"),
            calendar("Әділ сот. ".repeat(100)));
    for (String bounces : new String[] {"", "bounces@example.org"}) {
      ReturnPath returnPath = returnPath(bounces);
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setSession(SESSION);
      OutgoingMime.Batch batch =
          new OutgoingMime(returnPath, FROM, NEUTRAL).batch(sender, Instant.now());
      Map<MailAttachment, byte[]> encoded = new IdentityHashMap<>();
      Set<String> messageIds = new HashSet<>();
      for (int i = 0; i < 150; i++) {
        StringBuilder text = new StringBuilder();
        String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
        for (int p = random.nextInt(8); p >= 0; p--) {
          text.append(PIECES[random.nextInt(PIECES.length)]).append(eol);
        }
        if (random.nextBoolean()) {
          text.setLength(Math.max(0, text.length() - eol.length())); // no line break at the end
        }
        String html =
            random.nextInt(3) == 0
                ? null
                : "<p>" + text.toString().replace("&", "&amp;").replace("<", "&lt;") + "</p>";
        List<MailAttachment> files = new ArrayList<>();
        if (random.nextInt(3) > 0) {
          files.add(shared.get(random.nextInt(shared.size())));
        }
        if (random.nextInt(6) == 0) {
          byte[] pdf = new byte[500 + random.nextInt(3000)];
          random.nextBytes(pdf);
          files.add(0, new MailAttachment("Сертификат №1.pdf", "application/pdf", pdf));
        }
        OutboxMessage m =
            message(
                mail(
                    RECIPIENTS[random.nextInt(RECIPIENTS.length)],
                    new String[] {"ru", "kk", "en"}[random.nextInt(3)],
                    SUBJECTS[random.nextInt(SUBJECTS.length)],
                    text.toString(),
                    html,
                    files,
                    random.nextInt(5) == 0,
                    NAMES[random.nextInt(NAMES.length)],
                    random.nextBoolean()
                        ? null
                        : "https://lectern.example.org/unsubscribe/" + UUID.randomUUID()));
        MimeMessage helper = HelperMime.mime(SESSION, returnPath, FROM, NEUTRAL, m, encoded);
        MimeMessage written = batch.mime(m);
        assertThat(written).isInstanceOf(WrittenMime.class);
        assertThat(describe(read(written))).isEqualTo(describe(read(helper)));
        SMTPMessage a = (SMTPMessage) written;
        SMTPMessage b = (SMTPMessage) helper;
        assertThat(a.getEnvelopeFrom()).isEqualTo(b.getEnvelopeFrom());
        assertThat(a.getNotifyOptions()).isEqualTo(b.getNotifyOptions());
        assertThat(a.getReturnOption()).isEqualTo(b.getReturnOption());
        assertThat(a.getAllRecipients()).containsExactly(b.getAllRecipients());
        assertThat(written.getSentDate()).isNotNull();
        // As composed (the header, compared above, is the helper's; a subject that reads as an
        // encoded word is sent as it is, and Jakarta Mail's header decodes it to something else).
        assertThat(written.getSubject()).isEqualTo(m.mail().subject());
        assertThat(messageIds.add(written.getMessageID())).isTrue();
        byte[] wire = onTheWire(written);
        linesOnTheWire(wire, text.toString());
        // What the server keeps (the dots taken off again) is what it kept of the helper's.
        assertThat(describe(read(undotted(wire))))
            .isEqualTo(describe(read(undotted(onTheWire(helper)))));
      }
    }
  }

  @Test
  void aLineThatIsOnlyADotDoesNotEndTheMessage() throws Exception {
    OutboxMessage m =
        message(
            mail(
                "a@example.org",
                "en",
                "Dots",
                "first\n.\n..\n.end",
                null,
                List.of(),
                false,
                null,
                null));
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setSession(SESSION);
    MimeMessage written =
        new OutgoingMime(returnPath(""), FROM, NEUTRAL).batch(sender, Instant.now()).mime(m);
    String wire = new String(onTheWire(written), StandardCharsets.US_ASCII);
    assertThat(wire).contains("Content-Transfer-Encoding: 7bit");
    assertThat(wire).contains("first\r\n..\r\n...\r\n..end\r\n");
    assertThat(wire.lines()).doesNotContain(".");
    MimeMessage read = read(undotted(onTheWire(written)));
    Multipart related = (Multipart) ((Multipart) read.getContent()).getBodyPart(0).getContent();
    assertThat(related.getBodyPart(0).getContent()).isEqualTo("first\r\n.\r\n..\r\n.end");
  }

  @Test
  void textPartsAreEncodedAsJakartaMailChoosesAndWrites() throws Exception {
    assertThat(MimeBytes.encodingOf(bytes("Plain ASCII.\nSecond line."))).isEqualTo("7bit");
    assertThat(MimeBytes.encodingOf(bytes("x".repeat(998)))).isEqualTo("7bit");
    assertThat(MimeBytes.encodingOf(bytes("x".repeat(999)))).isEqualTo("quoted-printable");
    assertThat(MimeBytes.encodingOf(bytes("Mostly English text, one word: сәлем")))
        .isEqualTo("quoted-printable");
    assertThat(MimeBytes.encodingOf(bytes("Ваша регистрация подтверждена"))).isEqualTo("base64");
    assertThat(MimeBytes.encodingOf(bytes("a control \u0001 character")))
        .isEqualTo("quoted-printable");
    Random random = new Random(9);
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      for (int p = random.nextInt(10); p >= 0; p--) {
        s.append(PIECES[random.nextInt(PIECES.length)])
            .append(new String[] {"\n", "\r\n", "\r", " \n", "\t\r\n", ""}[random.nextInt(6)]);
      }
      byte[] text = bytes(s.toString());
      String encoding = MimeBytes.encodingOf(text);
      assertThat(encoding)
          .isEqualTo(
              MimeUtility.getEncoding(
                  new jakarta.mail.util.ByteArrayDataSource(text, OutgoingMime.TEXT)));
      for (String e : new String[] {"quoted-printable", "base64"}) {
        byte[] ours = new MimeBytes(16).encoded(text, e).toByteArray();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (OutputStream out = MimeUtility.encode(theirs, e)) {
          out.write(text);
        }
        String expected = theirs.toString(StandardCharsets.US_ASCII);
        assertThat(new String(ours, StandardCharsets.US_ASCII))
            .isEqualTo(e.equals("base64") ? expected.stripTrailing() : expected);
        assertThat(new String(ours, StandardCharsets.US_ASCII).split("\r\n"))
            .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The message as the SMTP transport writes it after DATA. */
  static byte[] onTheWire(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SMTPOutputStream smtp = new SMTPOutputStream(out);
    m.writeTo(smtp, new String[] {"Bcc", "Content-Length"});
    smtp.ensureAtBOL();
    smtp.flush();
    return out.toByteArray();
  }

  /** CRLF only, no line over 998 bytes, no line of a single dot, each text line dot-stuffed. */
  private static void linesOnTheWire(byte[] wire, String text) {
    String s = new String(wire, StandardCharsets.ISO_8859_1);
    assertThat(s.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    assertThat(s).endsWith("\r\n");
    for (String line : s.split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(998);
      assertThat(line).isNotEqualTo(".");
      if (line.startsWith(".")) {
        assertThat(line).startsWith("..");
      }
    }
  }

  /** What the receiving server keeps: the stuffed dots taken off. */
  private static byte[] undotted(byte[] wire) {
    String s = new String(wire, StandardCharsets.ISO_8859_1);
    return String.join(
            "\r\n",
            Arrays.stream(s.split("\r\n", -1))
                .map(l -> l.startsWith(".") ? l.substring(1) : l)
                .toList())
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static MimeMessage read(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return read(out.toByteArray());
  }

  private static MimeMessage read(byte[] bytes) throws Exception {
    return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
  }

  /** Headers that matter and every part: types, encodings, names, decoded content. */
  private static List<String> describe(MimeMessage m) throws Exception {
    List<String> out = new ArrayList<>();
    out.add("From " + addresses(m.getFrom()));
    out.add("To " + addresses(m.getRecipients(MimeMessage.RecipientType.TO)));
    out.add("Subject " + m.getSubject());
    for (String h :
        new String[] {
          "Message-ID",
          "MIME-Version",
          "Content-Language",
          "List-Unsubscribe",
          "List-Unsubscribe-Post",
          "Bcc",
          "Return-Path"
        }) {
      out.add(h + " " + Arrays.toString(m.getHeader(h)));
    }
    part(m, out, "");
    return out;
  }

  private static String addresses(Address[] addresses) {
    List<String> out = new ArrayList<>();
    for (Address a : addresses) {
      InternetAddress ia = (InternetAddress) a;
      out.add(ia.getPersonal() + " <" + ia.getAddress() + ">");
    }
    return out.toString();
  }

  private static void part(Part p, List<String> out, String path) throws Exception {
    ContentType type = new ContentType(p.getContentType());
    Object content = p.getContent();
    if (content instanceof Multipart multipart) {
      out.add(path + " " + type.getBaseType() + " parts " + multipart.getCount());
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        part(child, out, path + "/" + i);
      }
      return;
    }
    String[] cte = p.getHeader("Content-Transfer-Encoding");
    byte[] decoded = p.getInputStream().readAllBytes();
    out.add(
        path
            + " "
            + type.getBaseType()
            + " charset="
            + type.getParameter("charset")
            + " method="
            + type.getParameter("method")
            + " cte="
            + (cte == null ? null : cte[0])
            + " disposition="
            + p.getDisposition()
            + " name="
            + p.getFileName()
            + " content="
            + (decoded.length < 200
                ? java.util.HexFormat.of().formatHex(decoded)
                : decoded.length
                    + " bytes, SHA-256 "
                    + java.util.HexFormat.of()
                        .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(decoded))));
  }
}
