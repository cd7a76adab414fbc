package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;

/** Capacity, waitlist and promotion on the real PostgreSQL, under concurrency. */
class RegistrationCapacityIT extends OrganisationIT {

  @Autowired RegistrationService service;
  @Autowired RegistrationAdminService office;
  @Autowired OptIn optIn;

  @RepeatedTest(5)
  void twoHundredConcurrentRegistrationsAgainstFiftySeats() throws Exception {
    UUID p = fx.programme(org, 50, true, false);
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<RegistrationStatus>> jobs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String email = "delegate" + i + "@example.kz";
      jobs.add(
          () ->
              service
                  .register(p, RegistrationRequest.minimal("Делегат " + email, email, "ru"), null)
                  .registration()
                  .status());
    }
    var statuses = runTogether(jobs, failures);
    assertThat(failures).isEmpty();
    assertThat(statuses).hasSize(200);
    assertThat(statuses.stream().filter(s -> s == RegistrationStatus.CONFIRMED)).hasSize(50);
    assertThat(statuses.stream().filter(s -> s == RegistrationStatus.WAITLISTED)).hasSize(150);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(50);
    assertThat(fx.count(p, "WAITLISTED")).isEqualTo(150);
    // The waitlist is a strict order: positions 1..150 without gaps.
    List<Long> seqs =
        jdbc.sql(
                "select waitlist_seq from registration where programme_id = :p "
                    + "and status = 'WAITLISTED' order by waitlist_seq")
            .param("p", p)
            .query(Long.class)
            .list();
    assertThat(seqs).doesNotHaveDuplicates().hasSize(150);
  }

  /**
   * Double opt-in (ADR 0004): requests hold no seat; 40 links followed at once, each clicked twice,
   * against 10 seats. Never above capacity, one registration per link, and seats and waitlist
   * places go in the order the links were followed.
   */
  @RepeatedTest(3)
  void concurrentConfirmationsAreServedInConfirmationOrder() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    // As the public form and API read it: visible to anyone.
    var programme = service.visibleProgramme(p, null);
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String email = "optin" + i + "-" + p.toString().substring(0, 8) + "@example.kz";
      emails.add(email);
      optIn.request(programme, RegistrationRequest.minimal("Делегат", email, "ru"));
    }
    // Forty requests, not one seat taken.
    assertThat(fx.count(p)).isZero();
    List<String> links = new ArrayList<>();
    for (String email : emails) {
      String path = mailbox.confirmPath(email);
      links.add(path.substring(path.indexOf("token=") + 6));
    }
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<String>> jobs = new ArrayList<>();
    for (String token : links) {
      for (int click = 0; click < 2; click++) {
        jobs.add(() -> token + " " + ((OptIn.Done) optIn.confirm(p, token)).registration().id());
      }
    }
    var results = runTogether(jobs, failures);
    assertThat(failures).isEmpty();
    // A double click is one registration: both clicks of a link name the same one.
    assertThat(results.stream().distinct()).hasSize(40);
    assertThat(results.stream().map(r -> r.split(" ")[1]).distinct()).hasSize(40);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(10);
    assertThat(fx.count(p, "WAITLISTED")).isEqualTo(30);
    // Order: every seat went to a link followed before any waitlisted one, and the waitlist's
    // order is the order of confirmation.
    record Row(String status, Long seq, java.time.Instant at) {}
    List<Row> rows =
        jdbc.sql(
                """
                select r.status, r.waitlist_seq, q.confirmed_at from registration_request q
                join registration r on r.id = q.registration_id where q.programme_id = :p
                order by q.confirmed_at, r.waitlist_seq nulls first
                """)
            .param("p", p)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getString(1), (Long) rs.getObject(2), rs.getTimestamp(3).toInstant()))
            .list();
    assertThat(rows).hasSize(40);
    assertThat(rows.subList(0, 10)).allMatch(r -> r.status().equals("CONFIRMED"));
    List<Long> seqs = rows.subList(10, 40).stream().map(Row::seq).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates().doesNotContainNull();
  }

  @Test
  void concurrentDuplicateSubmissionsMakeOneRegistration() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    var failures = new ConcurrentLinkedQueue<Throwable>();
    List<Callable<UUID>> jobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Same address, different case and spaces: one person.
      String email = i % 2 == 0 ? "Double.Click@Example.kz" : " double.click@example.kz ";
      jobs.add(
          () ->
              service
                  .register(p, RegistrationRequest.minimal("Айгүл", email, "kk"), null)
                  .registration()
                  .id());
    }
    var ids = runTogether(jobs, failures);
    assertThat(failures).isEmpty();
    assertThat(ids.stream().distinct()).hasSize(1);
    assertThat(fx.count(p)).isEqualTo(1);
  }

  @Test
  void cancellationPromotesExactlyTheFirstWaitlisted() {
    UUID p = fx.programme(org, 2, true, false);
    var organiser = fx.organiser(org);
    List<Registration> regs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      regs.add(
          service
              .register(
                  p, RegistrationRequest.minimal("Person " + i, "p" + i + "@ex.kz", "en"), null)
              .registration());
    }
    assertThat(regs)
        .extracting(Registration::status)
        .containsExactly(
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.WAITLISTED);
    office.cancel(organiser, regs.get(0).id());
    assertThat(service.find(regs.get(2).id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(service.find(regs.get(3).id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.WAITLISTED);
    assertThat(service.position(service.find(regs.get(3).id()).orElseThrow())).isEqualTo(1);
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(2);
    assertThatThrownBy(() -> office.cancel(organiser, regs.get(0).id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("registration.alreadyCancelled");
  }

  @Test
  void fullWithoutWaitlistIsRefusedAndNothingIsSaved() {
    UUID p = fx.programme(org, 1, false, false);
    service.register(p, RegistrationRequest.minimal("One", "one@ex.kz", "en"), null);
    assertThatThrownBy(
            () -> service.register(p, RegistrationRequest.minimal("Two", "two@ex.kz", "en"), null))
        .isInstanceOf(ConflictException.class)
        .hasMessage("registration.full");
    assertThat(fx.count(p)).isEqualTo(1);
  }

  @Test
  void approvalGivesPendingThenASeatOrTheWaitlist() {
    UUID p = fx.programme(org, 1, true, true);
    var organiser = fx.organiser(org);
    var a = service.register(p, RegistrationRequest.minimal("A", "a@ex.kz", "en"), null);
    var b = service.register(p, RegistrationRequest.minimal("B", "b@ex.kz", "en"), null);
    assertThat(a.registration().status()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(office.approve(organiser, a.registration().id()).status())
        .isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(office.approve(organiser, b.registration().id()).status())
        .isEqualTo(RegistrationStatus.WAITLISTED);
    String why = "Мест нет, приходите в марте";
    assertThat(office.decline(organiser, b.registration().id(), why).status())
        .isEqualTo(RegistrationStatus.DECLINED);
    // The organiser's words are personal data: encrypted in the registration, and not copied in
    // clear into the event registry (the decline e-mail reads them from the registration).
    assertThat(
            jdbc.sql("select count(*) from event_publication where event_type like '%Declined'")
                .query(Integer.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql("select count(*) from event_publication where serialized_event like :w")
                .param("w", "%" + why + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void roomSeatsOfHybridSessionsHaveTheirOwnWaitlist() {
    UUID p = fx.programme(org, 10, true, false);
    UUID hybrid = fx.session(p, java.time.Instant.now().plusSeconds(86400 * 40), "HYBRID", 1);
    var organiser = fx.organiser(org);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var req =
          new RegistrationRequest(
              "R" + i,
              "room" + i + "@ex.kz",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              "en",
              null,
              java.util.Map.of(),
              false,
              java.util.Map.of(hybrid.toString(), "ROOM"),
              null);
      ids.add(service.register(p, req, null).registration().id());
    }
    assertThat(roomStatus(ids.get(0), hybrid)).isEqualTo("CONFIRMED");
    assertThat(roomStatus(ids.get(1), hybrid)).isEqualTo("WAITLISTED");
    office.cancel(organiser, ids.get(0));
    assertThat(roomStatus(ids.get(1), hybrid)).isEqualTo("CONFIRMED");
    assertThat(roomStatus(ids.get(2), hybrid)).isEqualTo("WAITLISTED");
  }

  private String roomStatus(UUID registration, UUID session) {
    return jdbc.sql(
            "select room_status from registration_attendance where registration_id = :r "
                + "and session_id = :s")
        .param("r", registration)
        .param("s", session)
        .query(String.class)
        .single();
  }

  static <T> List<T> runTogether(List<Callable<T>> jobs, ConcurrentLinkedQueue<Throwable> failures)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> job : jobs) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return job.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    pool.shutdown();
    return results;
  }
}
