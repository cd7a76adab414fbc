package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mails the pace refuses are put back in one go, each into the window its turn comes in, untried;
 * an urgent mail refused with them is due first (issue 16).
 */
class MailPaceIT extends OutboxSenderFixture {

  OutboxSender sender(MailPace pace) {
    return sender(smtpPort, pace);
  }

  List<Instant> dueTimes(String kind) {
    return jdbc.sql(
            "select next_attempt_at from mail_outbox where status = 'PENDING' and attempts = 0"
                + " and kind = :kind order by next_attempt_at")
        .param("kind", kind)
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .list();
  }

  @Test
  void aPacedDomainsMailsAreBookedIntoTheWindowsTheirTurnComesIn() {
    for (int i = 0; i < 12; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "a" + i + "@busy-provider.example");
    }
    MailPace pace = new MailPace(limiter, 2, 1000);
    Instant start = clock.instant();

    assertThat(sender(pace).sendDue()).isEqualTo(2);

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    List<Instant> due = dueTimes(MailKind.PROGRAMME_ANNOUNCEMENT.code());
    // Ten refused, untried, two a minute from the next window on: not all in the next minute.
    assertThat(due).hasSize(10).doesNotHaveDuplicates();
    Instant first = due.get(0);
    assertThat(first).isAfter(start).isEqualTo(pace.nextWindow(first.minusMillis(1)));
    for (int k = 0; k < due.size(); k++) {
      assertThat(due.get(k)).isEqualTo(first.plusSeconds(30L * k));
    }
  }

  @Test
  void aSignInLinkRefusedAfterABulkBurstIsDueBeforeIt() throws Exception {
    for (int i = 0; i < 12; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "a" + i + "@busy-provider.example");
    }
    // An hour's window that ends in more than a minute: both sends below fall into it, so the
    // domain's two permits stay spent for the link (with a minute's window, a new minute between
    // the sends let the link go and left nothing to check).
    Duration hour = Duration.ofHours(1);
    await().atMost(Duration.ofSeconds(90)).until(() -> endsInMoreThanAMinute(hour));
    MailPace pace = new MailPace(limiter, 2, 1000, hour);
    OutboxSender sender = sender(pace);
    sender.sendDue();
    queue(MailKind.DELEGATE_SIGN_IN, "waiting@busy-provider.example");

    sender.sendDue();

    List<Instant> link = dueTimes(MailKind.DELEGATE_SIGN_IN.code());
    List<Instant> bulk = dueTimes(MailKind.PROGRAMME_ANNOUNCEMENT.code());
    assertThat(bulk).isNotEmpty();
    assertThat(smtp.getReceivedMessages()).as("the domain's two permits of the window").hasSize(2);
    // Refused: due no later than the first bulk mail, so the claim takes the urgent lane first.
    assertThat(link).hasSize(1);
    assertThat(link.get(0)).isBeforeOrEqualTo(bulk.get(0));
  }

  private boolean endsInMoreThanAMinute(Duration window) {
    long w = window.toMillis();
    return w - clock.millis() % w > 60_000;
  }
}
