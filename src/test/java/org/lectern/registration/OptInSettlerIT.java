package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lectern.programme.ProgrammeService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public path's mail step in batches (issue 16): the stored request is the only note that its
 * mail is due, so a request whose mail step never ran (a crash after the commit) is answered when
 * the step runs again, and one that cannot be read does not hold back the others.
 */
class OptInSettlerIT extends OrganisationIT {

  @Autowired OptInSettler settler;
  @Autowired RegistrationService service;
  @Autowired ProgrammeService programmes;
  @Autowired FormSetupRepository forms;
  @Autowired RequestRepository requests;

  /** Stores a request as a submission does, without asking for its mail (the crash). */
  UUID storedOnly(UUID programmeId, String email) {
    var p = programmes.find(programmeId).orElseThrow();
    var entry =
        service.prepare(
            p,
            forms.form(programmeId, Instant.now()),
            RegistrationRequest.minimal("Делегат", email, "kk"),
            false);
    UUID id = UUID.randomUUID();
    requests.insert(
        id, programmeId, entry, Instant.now(), Instant.now().plus(Duration.ofHours(48)));
    return id;
  }

  @Test
  void requestsLeftWithoutTheirMailAreAnsweredWhenTheStepRunsAgain() {
    UUID p = fx.programme(org, 10, true, false);
    storedOnly(p, "left.one@example.kz");
    storedOnly(p, "left.two@example.kz");
    assertThat(mailbox.all("left.one@example.kz")).isEmpty();
    settler.soon();
    assertThat(mailbox.await("left.one@example.kz", 1).kind()).isEqualTo("confirm");
    assertThat(mailbox.await("left.two@example.kz", 1).kind()).isEqualTo("confirm");
    assertThat(mailbox.await("left.two@example.kz", 1).language()).isEqualTo("kk");
    // Answered once: running the step again sends nothing more.
    settler.soon();
    Awaitility.await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> mailbox.all("left.one@example.kz").size() == 1);
  }

  @Test
  void aRequestThatCannotBeReadDoesNotHoldBackTheOthers() {
    UUID p = fx.programme(org, 10, true, false);
    UUID broken = UUID.randomUUID();
    jdbc.sql(
            """
            insert into registration_request (id, programme_id, entry, created_at, expires_at)
            values (:id, :p, :e, :c, :x)
            """)
        .param("id", broken)
        .param("p", p)
        .param("e", new byte[] {1, 2, 3})
        .param("c", Timestamp.from(Instant.now().minusSeconds(5)))
        .param("x", Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
        .update();
    try {
      storedOnly(p, "after.broken@example.kz");
      settler.soon();
      assertThat(mailbox.await("after.broken@example.kz", 1).kind()).isEqualTo("confirm");
      // The unreadable one is still waiting (nothing was sent for it), not lost.
      assertThat(
              jdbc.sql(
                      "select count(*) from registration_request where id = :id"
                          + " and token_hash is null")
                  .param("id", broken)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      jdbc.sql("delete from registration_request where id = :id").param("id", broken).update();
    }
  }
}
