package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seats claimed in parallel from the free-seat stock (ADR 0004, amendment) against the exclusive
 * path: never above capacity, the waitlist served in order, capacity edits and data from before the
 * stock existed honoured.
 */
class SharedSeatsIT extends OrganisationIT {

  @Autowired RegistrationService service;
  @Autowired RegistrationAdminService office;

  java.time.Instant started;

  @BeforeAll
  void setUp() {
    started = java.time.Instant.now();
  }

  private Registration register(UUID p, String email) {
    return service
        .register(p, RegistrationRequest.minimal("Делегат " + email, email, "ru"), null)
        .registration();
  }

  private int stock(UUID p) {
    return jdbc.sql("select count(*) from programme_free_seat where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }

  private List<Long> waitlist(UUID p) {
    return jdbc.sql(
            "select waitlist_seq from registration where programme_id = :p"
                + " and status = 'WAITLISTED' order by waitlist_seq")
        .param("p", p)
        .query(Long.class)
        .list();
  }

  /** The shared path is the one taken: the stock is filled once, then seats come out of it. */
  @Test
  void registrationsTakeSeatsFromTheStock() {
    UUID p = fx.programme(org, 40, true, false);
    register(p, "first-" + p + "@example.kz");
    assertThat(stock(p)).isEqualTo(39);
    for (int i = 0; i < 9; i++) {
      register(p, "next" + i + "-" + p + "@example.kz");
    }
    assertThat(stock(p)).isEqualTo(30);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(10);
  }

  /**
   * More people than the stock holds at once, together with cancellations: never above capacity,
   * every seat given, the rest on the waitlist in a strict order.
   */
  @RepeatedTest(3)
  void parallelRegistrationsAndCancellationsNeverExceedCapacity() throws Exception {
    int capacity = FreeSeats.STOCK + 20;
    UUID p = fx.programme(org, capacity, true, false);
    var organiser = fx.organiser(org);
    List<Registration> early = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      early.add(register(p, "early" + i + "-" + p + "@example.kz"));
    }
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<Object>> jobs = new ArrayList<>();
    for (int i = 0; i < capacity + 30; i++) {
      String email = "rush" + i + "-" + p + "@example.kz";
      jobs.add(() -> register(p, email).status());
      if (i % 60 == 0 && !early.isEmpty()) {
        var r = early.remove(0);
        jobs.add(() -> office.cancel(organiser, r.id()).status());
      }
    }
    run(jobs, failures);
    assertThat(failures).isEmpty();
    int cancelled = fx.count(p, "CANCELLED");
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(capacity);
    assertThat(fx.count(p, "WAITLISTED")).isEqualTo(10 + capacity + 30 - cancelled - capacity);
    assertThat(waitlist(p)).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(stock(p)).isZero();
  }

  /**
   * While anyone waits, no new registration gets a seat: a freed seat goes to the first waitlisted
   * person, even when cancellations and new registrations arrive together.
   */
  @RepeatedTest(3)
  void freedSeatsGoToTheWaitlistInOrderEvenDuringARush() throws Exception {
    UUID p = fx.programme(org, 5, true, false);
    var organiser = fx.organiser(org);
    List<Registration> confirmed = new ArrayList<>();
    List<Registration> waiting = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      var r = register(p, "w" + i + "-" + p + "@example.kz");
      (r.status() == RegistrationStatus.CONFIRMED ? confirmed : waiting).add(r);
    }
    assertThat(confirmed).hasSize(5);
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<Object>> jobs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var r = confirmed.get(i);
      jobs.add(() -> office.cancel(organiser, r.id()).status());
    }
    List<String> newcomers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String email = "new" + i + "-" + p + "@example.kz";
      newcomers.add(email);
      jobs.add(() -> register(p, email).status());
    }
    run(jobs, failures);
    assertThat(failures).isEmpty();
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(5);
    // The three seats went to the first three who waited, in their order.
    for (int i = 0; i < waiting.size(); i++) {
      var now = service.find(waiting.get(i).id()).orElseThrow().status();
      assertThat(now)
          .isEqualTo(i < 3 ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED);
    }
    for (String email : newcomers) {
      assertThat(register(p, email).status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }
  }

  /** An organiser lowers the capacity: the stock counted for the old one is not used. */
  @Test
  void aLoweredCapacityIsNeverExceeded() throws Exception {
    UUID p = fx.programme(org, 20, false, false);
    for (int i = 0; i < 3; i++) {
      register(p, "c" + i + "-" + p + "@example.kz");
    }
    assertThat(stock(p)).isEqualTo(17);
    jdbc.sql("update programme set capacity = 5 where id = :p").param("p", p).update();
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<Object>> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String email = "l" + i + "-" + p + "@example.kz";
      jobs.add(() -> register(p, email).status());
    }
    run(jobs, failures);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(5);
    // The other eight were refused as full (no waitlist).
    assertThat(failures).hasSize(8);
    assertThat(stock(p)).isZero();
  }

  /**
   * A programme registered before the stock existed (no count row, as after the migration): its
   * waitlist keeps its claim on a freed seat, and a raised capacity goes to those waiting first.
   */
  @Test
  void programmesFromBeforeTheStockKeepTheirWaitlist() {
    UUID p = fx.programme(org, 2, true, false);
    var organiser = fx.organiser(org);
    List<Registration> regs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      regs.add(register(p, "old" + i + "-" + p + "@example.kz"));
    }
    jdbc.sql("delete from programme_seat_count where programme_id = :p").param("p", p).update();
    jdbc.sql("delete from programme_free_seat where programme_id = :p").param("p", p).update();
    jdbc.sql("update programme set capacity = 3 where id = :p").param("p", p).update();
    var late = register(p, "late-" + p + "@example.kz");
    assertThat(late.status()).isEqualTo(RegistrationStatus.WAITLISTED);
    assertThat(service.find(regs.get(2).id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    office.cancel(organiser, regs.get(0).id());
    assertThat(service.find(regs.get(3).id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(service.find(late.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.WAITLISTED);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(3);
  }

  /** Unlimited programmes and approval: no seats to claim, still in parallel and correct. */
  @Test
  void unlimitedAndApprovalProgrammesNeedNoSeats() throws Exception {
    UUID open = fx.programme(org, null, false, false);
    UUID approval = fx.programme(org, 3, true, true);
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<Object>> jobs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String a = "u" + i + "-" + open + "@example.kz";
      String b = "a" + i + "-" + approval + "@example.kz";
      jobs.add(() -> register(open, a).status());
      jobs.add(() -> register(approval, b).status());
    }
    run(jobs, failures);
    assertThat(failures).isEmpty();
    assertThat(fx.count(open, "CONFIRMED")).isEqualTo(30);
    assertThat(fx.count(approval, "PENDING")).isEqualTo(30);
    assertThat(stock(open)).isZero();
  }

  /**
   * Hundreds of registrations leave their mails to the listeners after commit: let them finish
   * before the shared database is emptied (its TRUNCATE would otherwise meet them).
   */
  @AfterAll
  void listenersFinished() {
    await("the listeners of this test's events")
        .atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from event_publication"
                                + " where completion_date is null and publication_date >= :t")
                        .param("t", java.sql.Timestamp.from(started))
                        .query(Integer.class)
                        .single()
                    == 0);
  }

  /** Runs the jobs on 16 threads at once (more than the pool's connections). */
  private static void run(List<Callable<Object>> jobs, ConcurrentLinkedQueue<Throwable> failures)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> job : jobs) {
      futures.add(pool.submit(job));
    }
    for (Future<Object> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    pool.shutdown();
  }
}
