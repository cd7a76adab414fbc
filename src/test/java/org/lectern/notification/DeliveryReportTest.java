package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading delivery status notifications (RFC 3464) and complaints (RFC 5965). */
class DeliveryReportTest {

  static final String ID = "<m0123456789abcdef0123456789abcdef0011223344556677@example.org>";

  static DeliveryReport read(String resource, String envelope) throws Exception {
    String text;
    try (var in = DeliveryReportTest.class.getResourceAsStream("/bounces/" + resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text =
        text.replace("{ENVELOPE}", envelope)
            .replace("{RECIPIENT}", "someone@example.kz")
            .replace("{MESSAGE_ID}", ID)
            .replace("\n", "\r\n");
    return DeliveryReport.read(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aPermanentFailureGivesItsStatusReplyCodeAndTheReturnedHeaders() throws Exception {
    DeliveryReport r = read("postfix-user-unknown.eml", "bounces@example.org");
    assertThat(r.kind()).isEqualTo(DeliveryReport.Kind.FAILED);
    assertThat(r.status()).isEqualTo("5.1.1");
    assertThat(r.smtpCode()).isEqualTo(550);
    assertThat(r.searchable()).contains(ID);
  }

  @Test
  void aDelayIsOnlyAWarning() throws Exception {
    DeliveryReport r = read("postfix-delayed.eml", "bounces@example.org");
    assertThat(r.kind()).isEqualTo(DeliveryReport.Kind.OTHER);
  }

  @Test
  void aComplaintGivesItsFeedbackTypeAndTheQuotedMessage() throws Exception {
    DeliveryReport r = read("arf-abuse.eml", "bounces@example.org");
    assertThat(r.kind()).isEqualTo(DeliveryReport.Kind.COMPLAINT);
    assertThat(r.status()).isEqualTo("abuse");
    assertThat(r.searchable()).contains(ID);
  }

  @Test
  void anOrdinaryMessageIsNoReport() throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setSubject("Out of office");
    m.setText("Away until Monday. Status: 5.1.1");
    m.saveChanges();
    assertThat(DeliveryReport.read(m).kind()).isEqualTo(DeliveryReport.Kind.OTHER);
  }

  @Test
  void fieldsFoldedOverLinesAreJoined() {
    DeliveryReport.Fields f =
        DeliveryReport.Fields.parse(
            "Action: failed\nDiagnostic-Code: smtp;\n    550 5.7.1 rejected\nStatus: 5.7.1\n");
    assertThat(f.failed()).isTrue();
    assertThat(f.replyCode()).isEqualTo(550);
    assertThat(f.status()).isEqualTo("5.7.1");
  }
}
