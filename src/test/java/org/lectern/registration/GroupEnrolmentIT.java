package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Group commit in the application (ADR 0004, amendment "group commit"): registrations of one
 * programme arriving together are registered in one transaction, without giving up any guarantee of
 * the capacity path.
 */
class GroupEnrolmentIT extends IntegrationTest {

  @Autowired RegistrationService service;
  @Autowired GroupEnrolment group;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;
  @Autowired RegistrationRepository registrations;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;

  Fixtures fx;
  UUID org;
  LecternUser organiser;

  @BeforeAll
  void setUp() {
    fx = new Fixtures(jdbc, users, tokens);
    org = fx.organisation();
    organiser = fx.organiser(org);
  }

  private RegistrationService.Access access(UUID p) {
    return service.access(organiser, p).orElseThrow();
  }

  private int stock(UUID p) {
    return jdbc.sql("select count(*) from programme_free_seat where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }

  private GroupEnrolment.Pending pending(UUID p, String email, String country) {
    var details =
        new DelegateDetails(
            "Делегат " + email,
            email,
            null,
            null,
            country,
            null,
            null,
            null,
            null,
            null,
            null,
            "ru",
            null);
    return new GroupEnrolment.Pending(
        new EnrolmentService.Entry(details, List.of(), Map.of(), null, null, null),
        registrations.seal(p, details));
  }

  /** The stock counted (as after any registration on the exclusive path). */
  private UUID counted(Integer capacity, boolean waitlist) {
    UUID p = fx.programme(org, capacity, waitlist, false);
    service.register(
        p, RegistrationRequest.minimal("First", "first-" + p + "@example.kz", "ru"), null);
    return p;
  }

  /**
   * 200 requests at once against 50 seats and a waitlist: exactly the capacity confirmed, everyone
   * else waitlisted once, one registration per request, and some of them registered together.
   */
  @RepeatedTest(3)
  void manyAtOnceNeverExceedCapacity() throws Exception {
    UUID p = counted(50, true);
    var a = access(p);
    int n = 200;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RegistrationService.Registered>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String email = "many" + i + "-" + p + "@example.kz";
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return service.registerGrouped(
                    a, RegistrationRequest.minimal("Делегат " + email, email, "ru"));
              }));
    }
    start.countDown();
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<UUID> ids = new ArrayList<>();
    for (var f : futures) {
      try {
        var r = f.get();
        assertThat(r.created()).isTrue();
        ids.add(r.registration().id());
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    pool.shutdown();
    assertThat(failures).isEmpty();
    // Everyone answered: the programme's lane is idle and removed (the map does not grow).
    assertThat(group.hasLane(p)).isFalse();
    assertThat(ids).doesNotHaveDuplicates().hasSize(n);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(50);
    assertThat(fx.count(p, "WAITLISTED")).isEqualTo(n + 1 - 50);
    assertThat(
            jdbc.sql(
                    "select waitlist_seq from registration where programme_id = :p"
                        + " and status = 'WAITLISTED'")
                .param("p", p)
                .query(Long.class)
                .list())
        .doesNotHaveDuplicates()
        .doesNotContainNull();
    assertThat(stock(p)).isZero();
    // Registered together: a batch's rows share their creation time.
    assertThat(
            jdbc.sql(
                    "select count(*) from (select created_at from registration"
                        + " where programme_id = :p group by created_at having count(*) > 1) t")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isPositive();
    // Every registration's mail, those registered together included, is queued.
    await("a mail for each registration")
        .atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql(
                        "select count(distinct related_id) from mail_outbox where related_id in (:ids)")
                    .param("ids", ids)
                    .query(Integer.class)
                    .single(),
            c -> c == n);
  }

  /** A batch larger than the seats left: seats to the first, the waitlist in arrival order. */
  @Test
  void aBatchGivesSeatsAndWaitlistPlacesInArrivalOrder() {
    UUID p = counted(4, true);
    List<GroupEnrolment.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      batch.add(pending(p, "order" + i + "-" + p + "@example.kz", null));
    }
    group.run(p, batch);
    Long previous = null;
    for (int i = 0; i < batch.size(); i++) {
      var r = batch.get(i).result().registration();
      if (i < 3) {
        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
      } else {
        assertThat(r.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        if (previous != null) {
          assertThat(r.waitlistSeq()).isGreaterThan(previous);
        }
        previous = r.waitlistSeq();
      }
    }
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(4);
    assertThat(fx.count(p, "WAITLISTED")).isEqualTo(5);
    assertThat(stock(p)).isZero();
  }

  /** A large stock (as for a big webinar): the whole batch in one transaction, one seat each. */
  @Test
  void aBatchFromALargeStockIsRegisteredTogether() {
    UUID p = counted(100_000, true);
    assertThat(stock(p)).isEqualTo(FreeSeats.STOCK);
    List<GroupEnrolment.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(pending(p, "large" + i + "-" + p + "@example.kz", null));
    }
    group.run(p, batch);
    assertThat(batch.stream().map(x -> x.result().registration().createdAt()).distinct())
        .hasSize(1);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(41);
    assertThat(stock(p)).isEqualTo(FreeSeats.STOCK - 40);
  }

  /**
   * The mails of a batch are noted in one row listing its registrations in arrival order (issue 16,
   * ninth pass: it was a row, a foreign-key check and a delete per registration).
   */
  @Test
  void aBatchNotesItsMailsInOneRow() {
    UUID p = counted(100_000, true);
    List<GroupEnrolment.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(pending(p, "noted" + i + "-" + p + "@example.kz", null));
    }
    // Read inside the batch's transaction, before the composing thread can take the note.
    List<List<UUID>> notes =
        transactionTemplate.execute(
            tx -> {
              group.run(p, batch);
              List<List<UUID>> listed =
                  jdbc.sql(
                          """
                          select registration_ids from registration_mail_job
                          where registration_ids && array(
                            select id from registration where programme_id = :p)
                          """)
                      .param("p", p)
                      .query((rs, i) -> List.of((UUID[]) rs.getArray(1).getArray()))
                      .list();
              tx.setRollbackOnly();
              return listed;
            });
    assertThat(notes)
        .containsExactly(batch.stream().map(x -> x.result().registration().id()).toList());
  }

  /**
   * The group statement takes one array per column (issue 16, eighth pass): every column of every
   * row reads back as given — text, bytes, booleans, nulls and the instant — for batches of
   * different sizes through the same statement.
   */
  @Test
  void everyColumnOfABatchReadsBackAsGiven() {
    UUID p = counted(100, true);
    for (int size : new int[] {1, 2, 5}) {
      List<GroupEnrolment.Pending> batch = new ArrayList<>();
      List<DelegateDetails> given = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String email = "full" + size + "-" + i + "-" + p + "@example.kz";
        var details =
            new DelegateDetails(
                "Делегат «" + i + "» O'Brien, \\ {x}",
                email,
                i % 2 == 0 ? "+7 701 000 00 0" + i : null,
                i % 2 == 0 ? "Алматы" : null,
                i % 2 == 0 ? "KZ" : null,
                i % 2 == 0 ? "Қарағанды" : null,
                i % 2 == 0 ? "advocate" : null,
                i % 2 == 0 ? "5-10" : null,
                i % 3 == 0 ? "female" : null,
                i % 3 == 0 ? Boolean.TRUE : i % 3 == 1 ? Boolean.FALSE : null,
                i % 2 == 0 ? "Л-" + i : null,
                i % 2 == 0 ? "kk" : "ru",
                i % 2 == 0 ? "пандус, \"ramp\"" : null);
        given.add(details);
        batch.add(
            new GroupEnrolment.Pending(
                new EnrolmentService.Entry(details, List.of(), Map.of(), null, null, null),
                registrations.seal(p, details)));
      }
      group.run(p, batch);
      for (int i = 0; i < size; i++) {
        var answered = batch.get(i).result();
        assertThat(answered.created()).isTrue();
        var stored = registrations.find(answered.registration().id()).orElseThrow();
        assertThat(stored.details()).isEqualTo(given.get(i));
        assertThat(stored.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(stored.waitlistSeq()).isNull();
        assertThat(stored.createdAt())
            .isCloseTo(answered.registration().createdAt(), within(1, ChronoUnit.MICROS));
      }
    }
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(1 + 1 + 2 + 5);
    assertThat(stock(p)).isEqualTo(100 - 9);
  }

  /** The same address twice in one batch, and one already registered: one registration each. */
  @Test
  void duplicatesInABatchGiveTheExistingRegistration() {
    UUID p = counted(10, true);
    String twice = "twice-" + p + "@example.kz";
    String known = "first-" + p + "@example.kz";
    var batch =
        List.of(
            pending(p, twice, null),
            pending(p, "other-" + p + "@example.kz", null),
            pending(p, twice, null),
            pending(p, known, null));
    group.run(p, batch);
    var first = batch.get(0).result();
    var again = batch.get(2).result();
    assertThat(first.created()).isTrue();
    assertThat(batch.get(1).result().created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.registration().id()).isEqualTo(first.registration().id());
    assertThat(batch.get(3).result().created()).isFalse();
    assertThat(fx.count(p)).isEqualTo(3);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(3);
    assertThat(stock(p)).isEqualTo(7);
  }

  /** A value the database refuses fails its own entry only; the others are registered. */
  @Test
  void anEntryTheDatabaseRefusesFailsOnlyItself() {
    UUID p = counted(10, true);
    var batch =
        List.of(
            pending(p, "good1-" + p + "@example.kz", "KZ"),
            pending(p, "bad-" + p + "@example.kz", "Kazakhstan"),
            pending(p, "good2-" + p + "@example.kz", null));
    group.run(p, batch);
    assertThat(batch.get(0).result().registration().status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(batch.get(1).failure).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(batch.get(2).result().registration().status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(fx.count(p)).isEqualTo(3);
    assertThat(stock(p)).isEqualTo(7);
  }

  /** Every registered person's mail is composed after the commit: wait for it before cleaning. */
  @AfterAll
  void mailsComposed() {
    await("the registrations' mails")
        .atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql("select count(*) from registration_mail_job").query(Integer.class).single()
                    == 0);
  }
}
