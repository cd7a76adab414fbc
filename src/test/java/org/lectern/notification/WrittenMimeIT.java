package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Messages written as bytes (issue 16, ninth pass) as an SMTP server receives them: lines that
 * start with a dot (dot-stuffed by the transport, a lone dot does not end the message), Russian and
 * Kazakh subjects and sender names, text and HTML, a file, the one-click unsubscribe headers and a
 * Message-ID that names the outbox row.
 */
class WrittenMimeIT extends OutboxSenderFixture {

  @Test
  void anSmtpServerReceivesTheMessagesAsComposed() throws Exception {
    String text =
        "Сәлеметсіз бе, Әсел!\n.\n.hidden line\n..two dots\nТіркеуіңіз расталды. ".repeat(3)
            + "\n"
            + "Long line ".repeat(150);
    byte[] pdf = new byte[3000];
    new java.util.Random(3).nextBytes(pdf);
    OutgoingMail kazakh =
        new OutgoingMail(
            MailKind.PROGRAMME_ANNOUNCEMENT.code(),
            UUID.randomUUID(),
            "asel@example.kz",
            "kk",
            "Тіркеу расталды: АСҚП бойынша әділ сотқа құқық — адвокаттарға арналған вебинар",
            text,
            "<p>Сәлеметсіз бе, <b>Әсел</b>!</p>\n.\n<p>.end</p>",
            List.of(new MailAttachment("Сертификат.pdf", "application/pdf", pdf)),
            "written:" + UUID.randomUUID(),
            false,
            "Қазақстан заңгерлері «Әділет»",
            "https://lectern.example.org/unsubscribe/abc",
            null,
            null);
    OutgoingMail english =
        new OutgoingMail(
            MailKind.PROGRAMME_ANNOUNCEMENT.code(),
            UUID.randomUUID(),
            "anna@example.org",
            "en",
            "Registration confirmed",
            "Dear Anna,\n.\nSee you.",
            null,
            List.of(),
            "written:" + UUID.randomUUID(),
            false);
    transactions.executeWithoutResult(
        tx -> {
          outbox.enqueue(kazakh);
          outbox.enqueue(english);
        });

    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isEqualTo(2);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage kk =
        Arrays.stream(received).filter(m -> to(m).equals("asel@example.kz")).findFirst().get();
    assertThat(kk.getSubject()).isEqualTo(kazakh.subject());
    InternetAddress from = (InternetAddress) kk.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Қазақстан заңгерлері «Әділет»");
    assertThat(from.getAddress()).isEqualTo("lectern@example.org");
    assertThat(kk.getHeader("Content-Language")).containsExactly("kk");
    assertThat(kk.getHeader("List-Unsubscribe"))
        .containsExactly("<https://lectern.example.org/unsubscribe/abc>");
    assertThat(kk.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    UUID row =
        jdbc.sql("select id from mail_outbox where related_id = :r")
            .param("r", kazakh.relatedId())
            .query(UUID.class)
            .single();
    assertThat(returnPath.find(kk.getMessageID())).contains(row);
    Multipart mixed = (Multipart) kk.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    Multipart alternative =
        (Multipart) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
    assertThat(crlf(alternative.getBodyPart(0).getContent())).isEqualTo(crlf(text));
    assertThat(crlf(alternative.getBodyPart(1).getContent())).isEqualTo(crlf(kazakh.html()));
    assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Сертификат.pdf");
    assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);

    MimeMessage en =
        Arrays.stream(received).filter(m -> to(m).equals("anna@example.org")).findFirst().get();
    Multipart enMixed = (Multipart) en.getContent();
    var plain = ((Multipart) enMixed.getBodyPart(0).getContent()).getBodyPart(0);
    assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
    assertThat(crlf(plain.getContent())).isEqualTo("Dear Anna,\n.\nSee you.");
    assertThat(en.getHeader("List-Unsubscribe")).isNull();
    assertThat(new String(en.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII))
        .doesNotContain("\r\n..\r\n");
  }

  private static String to(MimeMessage m) {
    try {
      return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String crlf(Object text) {
    return ((String) text).replace("\r\n", "\n");
  }
}
