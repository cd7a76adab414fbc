package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's problems — mails failed for good, bounced or held — are listed in {@code
 * mail_outbox_problem} (V202612150400) by the statements that give a mail its status, and the
 * figures shown to operators count that list instead of the outbox: the "failed" figure of the
 * metrics and a programme's count of mail problems on its overview. Each step of a mail's life is
 * followed by the same check against a count of the whole outbox, so a statement that forgets the
 * list fails here.
 */
class MailProblemsIT extends OutboxSenderFixture {

  @Autowired ProgrammeDelivery delivery;
  @Autowired MailRemoval removal;
  @Autowired MailAttention attention;
  @Autowired ProgrammeService programmes;

  private UUID programme;
  private UUID organisation;

  private UUID queue(String to) {
    transactions.executeWithoutResult(
        tx ->
            outbox.enqueue(
                new OutgoingMail(
                        MailKind.PROGRAMME_ANNOUNCEMENT.code(),
                        programme,
                        to,
                        "en",
                        "News",
                        "Room changed.",
                        null,
                        List.of(),
                        "test:" + UUID.randomUUID(),
                        false)
                    .about(programme, organisation)));
    return idOf(to);
  }

  private UUID idOf(String to) {
    return repository.recent(1000, 0).stream()
        .filter(m -> m.mail().to().equals(to))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private String status(UUID id) {
    return jdbc.sql("select status from mail_outbox where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private int fullCount(String where) {
    return jdbc.sql("select count(*) from mail_outbox where " + where)
        .param("p", programme)
        .query(Integer.class)
        .single();
  }

  /**
   * The figures equal what reading the whole outbox gives, and the list holds exactly the outbox's
   * problems with their status and programme. Returns the failed figure.
   */
  private int figuresExact() {
    int failed = fullCount("status in ('FAILED', 'BOUNCED')");
    Map<String, Double> figures = repository.waitingAndFailed();
    assertThat(figures.get("failed")).as("failed figure").isEqualTo((double) failed);
    int problems = fullCount("programme_id = :p and status in ('FAILED', 'BOUNCED', 'HELD')");
    var shown =
        attention.attention(null, programmes.find(programme).orElseThrow(), clock.instant());
    assertThat(shown).singleElement().extracting(i -> i.count()).isEqualTo(problems);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from mail_outbox m full join mail_outbox_problem q on q.id = m.id
                    where coalesce(m.status in ('FAILED', 'BOUNCED', 'HELD'), false)
                            <> (q.id is not null)
                       or q.id is not null and (q.status is distinct from m.status
                            or q.programme_id is distinct from m.programme_id)
                    """)
                .query(Integer.class)
                .single())
        .as("the list of problems is the outbox's problems")
        .isZero();
    return failed;
  }

  @Test
  void theFiguresAreExactAfterSendingHoldingFailingBouncingRetryingAndPurging() throws Exception {
    var p = MailFixtures.programme(jdbc);
    programme = p.id();
    organisation =
        jdbc.sql("select organisation_id from programme where id = :p")
            .param("p", programme)
            .query(UUID.class)
            .single();
    undeliverable.mark(
        organisation, "gone@example.kz", Undeliverable.Reason.REFUSED, 550, "no", clock.instant());

    // Queued: one held at once (its address is marked), the others waiting.
    UUID gone = queue("gone@example.kz");
    UUID a = queue("a@example.kz");
    queue("b@example.kz");
    queue("c@example.kz");
    assertThat(status(gone)).isEqualTo("HELD");
    assertThat(figuresExact()).isZero();

    // Sent: nothing changes.
    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isEqualTo(3);
    assertThat(figuresExact()).isZero();

    // Held in the batch (marked after it was queued), failed for good, failed for now.
    UUID d = queue("d@example.kz");
    UUID e = queue("e@example.kz");
    UUID f = queue("f@example.kz");
    transactions.executeWithoutResult(
        tx -> {
          statuses.hold(d);
          statuses.markAttemptFailed(
              e,
              MailStatus.FAILED,
              clock.instant(),
              SmtpFailure.of(new IllegalStateException("refused")));
          statuses.markAttemptFailed(
              f,
              MailStatus.PENDING,
              clock.instant().plusSeconds(3600),
              SmtpFailure.of(new IllegalStateException("later")));
        });
    assertThat(figuresExact()).isOne();
    // The delivery page's list and the release look for them on the list too.
    assertThat(delivery.problems(programme, 100))
        .extracting(ProgrammeDelivery.Problem::address)
        .containsExactlyInAnyOrder("gone@example.kz", "d@example.kz", "e@example.kz");

    // Bounced: one sent, one that had failed (counted once, now as bounced).
    statuses.markBounced(a, "returned");
    statuses.markBounced(e, "returned");
    assertThat(status(e)).isEqualTo("BOUNCED");
    assertThat(figuresExact()).isEqualTo(2);

    // Failed for good after retries, then retried by the organiser: waiting again, off the list.
    statuses.markAttemptFailed(
        f, MailStatus.FAILED, clock.instant(), SmtpFailure.of(new IllegalStateException("no")));
    assertThat(figuresExact()).isEqualTo(3);
    assertThat(delivery.retryFailed(programme, clock.instant())).isOne();
    assertThat(status(f)).isEqualTo("PENDING");
    assertThat(figuresExact()).isEqualTo(2);

    // The held address released: its held mail waits again (bounced mail stays bounced).
    undeliverable.clear(organisation, "gone@example.kz");
    assertThat(delivery.release(organisation, "gone@example.kz", clock.instant())).isOne();
    assertThat(status(gone)).isEqualTo("PENDING");
    assertThat(figuresExact()).isEqualTo(2);
    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isEqualTo(2);
    assertThat(figuresExact()).isEqualTo(2);

    // Purged with the programme's personal data: the list empties with the outbox.
    removal.anonymiseProgramme(programme, RemovalReason.RETENTION);
    assertThat(fullCount("programme_id = :p")).isZero();
    assertThat(figuresExact()).isZero();
    assertThat(jdbc.sql("select count(*) from mail_outbox_problem").query(Integer.class).single())
        .isZero();
  }
}
