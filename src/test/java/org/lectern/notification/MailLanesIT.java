package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mail leaves in lanes, at a polite pace, and refusals are told apart: against GreenMail (lanes,
 * pace) and a scripted SMTP server that refuses some recipients (permanent and temporary failures).
 */
class MailLanesIT extends OutboxSenderFixture {

  OutboxSender sender(int port, int perDomain, int total) {
    return sender(port, new MailPace(limiter, perDomain, total));
  }

  @Test
  void aSignInLinkOvertakesABulkBurstQueuedBeforeIt() {
    for (int i = 0; i < 3 * OutboxSender.BATCH; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "reader" + i + "@example.org");
    }
    queue(MailKind.SESSION_REMINDER_HOUR, "reminded@example.org");
    queue(MailKind.DELEGATE_SIGN_IN, "waiting@example.org");

    assertThat(sender(smtpPort, 1000, 1000).sendDue()).isEqualTo(OutboxSender.BATCH);

    List<String> first = received();
    assertThat(first).hasSize(OutboxSender.BATCH);
    assertThat(first.get(0)).isEqualTo("waiting@example.org");
    assertThat(first.get(1)).isEqualTo("reminded@example.org");
    assertThat(first.subList(2, first.size())).allMatch(a -> a.startsWith("reader"));
  }

  @Test
  void aDomainOverItsRateWaitsWithoutLosingAnAttemptWhileOthersGo() {
    for (int i = 0; i < 5; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "a" + i + "@busy-provider.example");
    }
    queue(MailKind.PROGRAMME_ANNOUNCEMENT, "someone@other.example");

    sender(smtpPort, 2, 1000).sendDue();

    List<String> got = received();
    assertThat(got).contains("someone@other.example");
    assertThat(got.stream().filter(a -> a.endsWith("@busy-provider.example"))).hasSize(2);
    // The three that had to wait are still pending, untried, due at the next minute.
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where status = 'PENDING' and attempts = 0"
                        + " and next_attempt_at > now()")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void theTotalRateHoldsAcrossDomains() {
    for (int i = 0; i < 6; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "p" + i + "@domain" + i + ".example");
    }
    sender(smtpPort, 1000, 4).sendDue();
    assertThat(received()).hasSize(4);
  }

  @Test
  void aPermanentRefusalIsNotRetriedATemporaryOneIs() throws Exception {
    try (ScriptedSmtp scripted = new ScriptedSmtp()) {
      queue(MailKind.REGISTRATION_CONFIRMED, "gone@example.org");
      queue(MailKind.REGISTRATION_CONFIRMED, "busy@example.org");
      queue(MailKind.REGISTRATION_CONFIRMED, "fine@example.org");

      sender(scripted.port(), 1000, 1000).sendDue();

      assertThat(scripted.delivered).containsExactly("fine@example.org");
      var rows =
          jdbc.sql("select status, attempts, last_error from mail_outbox order by last_error")
              .query(
                  (rs, i) ->
                      rs.getString("status")
                          + " "
                          + rs.getInt("attempts")
                          + " "
                          + rs.getString("last_error"))
              .list();
      assertThat(rows)
          .anyMatch(r -> r.startsWith("FAILED 1 ") && r.contains("SMTP 550"))
          .anyMatch(r -> r.startsWith("PENDING 1 ") && r.contains("SMTP 451"))
          .anyMatch(r -> r.startsWith("SENT 1"));
      // Neither the address nor the server's words (which quote it) are kept.
      assertThat(rows).noneMatch(r -> r.contains("@example.org"));
    }
  }
}
