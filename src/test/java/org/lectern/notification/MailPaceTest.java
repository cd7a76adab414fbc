package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;

/** Where the pace books the mails it refused: in the windows their turn comes in. */
class MailPaceTest {

  static final Instant NOW = Instant.parse("2026-12-05T22:40:30Z");
  static final Instant NEXT = Instant.parse("2026-12-05T22:41:00Z");
  static final int BULK = MailLane.BULK.priority();
  static final int URGENT = MailLane.URGENT.priority();

  @Test
  void domainsAreCountedInOneOrderWhateverTheBatchsOrderAndTheTotalLast() {
    // Each count locks its window's row for the rest of the batch's transaction: two nodes
    // counting the same rows in different orders deadlock.
    List<String> counted = new ArrayList<>();
    RateLimiter recording =
        new RateLimiter() {
          @Override
          public boolean tryAcquire(Limit limit, String key) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void acquire(Limit limit, String key) {
            throw new UnsupportedOperationException();
          }

          @Override
          public int acquireUpTo(Limit limit, String key, int wanted) {
            counted.add(limit.name() + " " + key);
            return wanted;
          }
        };
    MailPace pace = new MailPace(recording, 10, 100);
    boolean[] first =
        pace.mayTake(
            List.of("a@zeta.example", "b@alpha.example", "c@mid.example", "d@zeta.example"));
    List<String> firstOrder = List.copyOf(counted);
    counted.clear();
    pace.mayTake(List.of("e@mid.example", "f@zeta.example", "g@alpha.example"));

    assertThat(first).containsOnly(true);
    assertThat(firstOrder)
        .containsExactly(
            "mail.domain alpha.example",
            "mail.domain mid.example",
            "mail.domain zeta.example",
            "mail.total all");
    assertThat(counted).isEqualTo(firstOrder);
  }

  @Test
  void aDomainsRefusedMailsAreSpreadAtItsPaceOverTheWindowsToCome() {
    MailPace pace = new MailPace(null, 4, 1000);
    List<Instant> booked = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      booked.add(pace.book(BULK, "p" + i + "@busy.example", NOW));
    }
    // 4 a minute: one every 15 s from the next window on, so 4 in each window, none now.
    assertThat(booked.get(0)).isEqualTo(NEXT);
    assertThat(booked.get(1)).isEqualTo(NEXT.plusSeconds(15));
    assertThat(booked.get(4)).isEqualTo(NEXT.plusSeconds(60));
    assertThat(booked.get(8)).isEqualTo(NEXT.plusSeconds(120));
    assertThat(booked).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void anotherDomainIsNotBookedBehindIt() {
    MailPace pace = new MailPace(null, 4, 1000);
    for (int i = 0; i < 9; i++) {
      pace.book(BULK, "p" + i + "@busy.example", NOW);
    }
    assertThat(pace.book(BULK, "someone@other.example", NOW)).isBefore(NEXT.plusSeconds(1));
  }

  @Test
  void theTotalPaceSpreadsAllDomainsTogether() {
    MailPace pace = new MailPace(null, 1000, 2);
    assertThat(pace.book(BULK, "a@one.example", NOW)).isEqualTo(NEXT);
    assertThat(pace.book(BULK, "b@two.example", NOW)).isEqualTo(NEXT.plusSeconds(30));
    assertThat(pace.book(BULK, "c@three.example", NOW)).isEqualTo(NEXT.plusSeconds(60));
  }

  @Test
  void anUrgentMailIsNeverBookedBehindABulkBurst() {
    MailPace pace = new MailPace(null, 10, 1000);
    for (int i = 0; i < 100; i++) {
      pace.book(BULK, "reader" + i + "@busy.example", NOW);
    }
    assertThat(pace.book(URGENT, "waiting@busy.example", NOW)).isEqualTo(NEXT);
  }

  @Test
  void bookingsThatHavePassedDoNotDelayLaterOnes() {
    MailPace pace = new MailPace(null, 1, 1000);
    assertThat(pace.book(BULK, "a@busy.example", NOW)).isEqualTo(NEXT);
    Instant later = NOW.plus(Duration.ofMinutes(10));
    assertThat(pace.book(BULK, "b@busy.example", later)).isEqualTo(pace.nextWindow(later));
  }
}
