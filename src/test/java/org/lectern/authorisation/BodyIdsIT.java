package org.lectern.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.importing.AttendanceImportService;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.speaker.SpeakerAccounts;
import org.lectern.speaker.SpeakerService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * Ids inside request bodies and query strings (IDOR). {@link InnerObjectsIT} attacks ids in paths;
 * here the handlers that read an object's id from a form field, a JSON property or the query string
 * — a speaker of a session, the registration or personal code checked in at the door (page and
 * API), the registration an attendance decision points at, a poll option voted for, a report
 * snapshot, a news post's programme and author, the mail whose address is released, the member
 * whose role is revoked, a table or participant of the discussion tables' console, a registration's
 * answers and room requests, a new programme's organisation — are called by someone who may act on
 * their own programme with the id of an object of another organisation's programme and, where
 * rights are per programme, of another programme of the same organisation (and where it applies, a
 * cancelled one). The answer must be the answer to an id that exists nowhere — same status, same
 * redirect, same body but for the ids — and neither the other object nor the caller's own programme
 * may change. A control submits the caller's own object's id and must be told apart from an unknown
 * id (by the answer or by what it changed), so the test cannot pass by never reaching the code. A
 * malformed id never answers 5xx and changes nothing; a list that mixes an own and a foreign id is
 * refused as a whole (nothing of it applied).
 */
class BodyIdsIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired ProgrammeService programmes;
  @Autowired SpeakerService speakers;
  @Autowired SpeakerAccounts speakerAccounts;
  @Autowired ApiTokenService apiTokens;
  @Autowired CertificateService certificates;
  @Autowired OneTimeTokenService signInTokens;
  @Autowired PersonalDataCipher cipher;
  @Autowired AttendanceImportService imports;
  @Autowired org.lectern.attendance.checkin.CheckInCodeService codes;

  MatrixWorld world;
  MatrixRestore restore;
  UUID secondProgramme;
  UUID secondRegistration;
  UUID foreignCancelled;
  UUID foreignSession;

  /**
   * One attack: who calls, what (the path and body hold {@code {id}} where the submitted id goes),
   * and a reading of the state to compare before and after ({@code :id} is the submitted id).
   */
  record Case(String label, String caller, String method, String path, String body, String sql) {
    Case withCaller(String other) {
      return new Case(label, other, method, path, body, sql);
    }

    Case withPath(String other) {
      return new Case(label + " (another programme)", caller, method, other, body, sql);
    }
  }

  @BeforeAll
  void world() {
    world =
        new MatrixWorld(
                baseUrl(),
                jdbc,
                users,
                organisations,
                programmes,
                speakers,
                speakerAccounts,
                apiTokens,
                certificates,
                signInTokens,
                cipher)
            .build();
    secondProgramme =
        jdbc.sql(
                "select id from programme where organisation_id = :o and id <> :p"
                    + " and slug like 'matrix-second-%'")
            .param("o", world.own.organisation())
            .param("p", world.own.programme())
            .query(UUID.class)
            .single();
    secondRegistration =
        register("otherProgrammeOrganiser", secondProgramme, "second-" + UUID.randomUUID());
    foreignCancelled = register(null, world.foreign.programme(), "cancelled-" + UUID.randomUUID());
    jdbc.sql("update registration set status = 'CANCELLED' where id = :id")
        .param("id", foreignCancelled)
        .update();
    foreignSession = world.foreign.session();
    for (UUID s : List.of(world.own.session(), world.foreign.session())) {
      jdbc.sql(
              "insert into live_room (session_id, join_key, vote_salt) values (:s, :k, :salt)"
                  + " on conflict (session_id) do nothing")
          .param("s", s)
          .param("k", UUID.randomUUID().toString())
          .param("salt", new byte[16])
          .update();
    }
    restore = new MatrixRestore(jdbc, world);
  }

  /** A registration made through the API by the programme's organiser (null: the foreign one). */
  private UUID register(String caller, UUID programme, String label) {
    Caller c = caller == null ? foreignOrganiser() : world.callers.get(caller);
    var r =
        c.api(
            "POST",
            "/api/v1/programmes/" + programme + "/registrations",
            "{\"email\":\"" + label + "@example.org\",\"fullName\":\"Delegate " + label + "\"}");
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return UUID.fromString(id(r.body()));
  }

  /** The foreign organisation's organiser, through the platform administrator's token. */
  private Caller foreignOrganiser() {
    return world.callers.get("platformAdmin");
  }

  private static String id(String json) {
    return json.replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
  }

  // --- the attacks ---------------------------------------------------------------------------

  @Test
  void anIdOfAnotherProgrammeInABodyAnswersAsAnUnknownIdAndChangesNothing() {
    List<String> problems = new ArrayList<>();
    UUID own = world.own.programme();
    UUID session = world.own.session();
    String starts = Instant.now().plusSeconds(3600).toString();
    String ends = Instant.now().plusSeconds(7200).toString();

    // A session's speakers (API): a speaker is an organisation's; another's profile (unpublished
    // there) must not be put on one's own session, nor shown through it.
    Case speakersApi =
        new Case(
            "session speakers (API)",
            "organiser",
            "POST",
            "/api/v1/programmes/" + own + "/sessions",
            "{\"title\":\"Body ids\",\"startsAt\":\""
                + starts
                + "\",\"endsAt\":\""
                + ends
                + "\",\"mode\":\"ONLINE\",\"speakers\":[{\"speakerId\":\"{id}\","
                + "\"role\":\"PRESENTER\"}]}",
            "select (select count(*) from session_speaker where speaker_id = :id) || '/'"
                + " || (select count(*) from session where programme_id = '"
                + own
                + "')");
    attack(speakersApi, world.own.speaker(), world.foreign.speaker(), problems);
    // The same for the other programme of the organisation: its organiser names another
    // organisation's speaker.
    Case speakersSecond =
        new Case(
            "session speakers (API), another programme",
            "otherProgrammeOrganiser",
            "POST",
            "/api/v1/programmes/" + secondProgramme + "/sessions",
            speakersApi.body(),
            "select (select count(*) from session_speaker where speaker_id = :id) || '/'"
                + " || (select count(*) from session where programme_id = '"
                + secondProgramme
                + "')");
    attack(speakersSecond, world.own.speaker(), world.foreign.speaker(), problems);
    // Two speakers, one's own and another organisation's: nothing is saved.
    mixed(
        new Case(
            "session speakers (API), own and foreign",
            "organiser",
            "POST",
            "/api/v1/programmes/" + own + "/sessions",
            speakersApi
                .body()
                .replace(
                    "\"PRESENTER\"}]",
                    "\"PRESENTER\"},{\"speakerId\":\""
                        + world.own.speaker()
                        + "\",\"role\":\"MODERATOR\"}]"),
            speakersApi.sql()),
        world.foreign.speaker(),
        problems);

    // Check-in at the door, by registration (page and API).
    String checkins =
        "select (select count(*) from attendance_checkin where registration_id = :id) || '/'"
            + " || (select count(*) from attendance_checkin where session_id = '"
            + session
            + "')";
    Case door =
        new Case(
            "check-in (page)",
            "door",
            "POST",
            "/admin/sessions/" + session + "/check-in",
            "registration={id}&kind=IN&nonce=" + UUID.randomUUID(),
            checkins);
    Case doorApi =
        new Case(
            "check-in (API)",
            "door",
            "POST",
            "/api/v1/sessions/" + session + "/check-ins",
            "{\"registrationId\":\"{id}\",\"kind\":\"IN\"}",
            checkins);
    for (Case c : List.of(door, doorApi)) {
      attack(c, world.own.delegateRegistration(), world.foreign.registration(), problems);
      attack(c, world.own.delegateRegistration(), secondRegistration, problems);
      attack(c, world.own.delegateRegistration(), foreignCancelled, problems);
      malformed(c, problems);
    }

    // Poll vote: an option of another session's poll.
    UUID ownPoll = poll(session, true);
    UUID foreignPoll = poll(foreignSession, true);
    Case vote =
        new Case(
            "poll vote option",
            "delegate",
            "POST",
            "/sessions/" + session + "/live/polls/" + ownPoll + "/vote",
            "option={id}",
            "select (select count(*) from live_poll_vote where option_id = :id) || '/'"
                + " || (select count(*) from live_poll_vote where poll_id = '"
                + ownPoll
                + "')");
    UUID ownOption = option(ownPoll, 0);
    UUID foreignOption = option(foreignPoll, 0);
    attack(vote, ownOption, foreignOption, problems);
    malformed(vote, problems);
    mixed(
        new Case(
            vote.label() + ", own and foreign",
            vote.caller(),
            vote.method(),
            vote.path(),
            "option=" + ownOption + "&option={id}",
            vote.sql()),
        foreignOption,
        problems);
    // One id twice in the form.
    attack(
        new Case(
            vote.label() + ", twice",
            vote.caller(),
            vote.method(),
            vote.path(),
            "option={id}&option={id}",
            vote.sql()),
        option(ownPoll, 1),
        foreignOption,
        problems);

    // A report snapshot named in the query.
    String ownSnapshot = snapshot(own);
    Case report =
        new Case(
            "report ?snapshot=",
            "organiser",
            "GET",
            "/admin/programmes/" + own + "/report",
            "snapshot={id}",
            "select count(*) || '' from report_snapshot where id = :id");
    attack(
        report,
        UUID.fromString(ownSnapshot),
        UUID.fromString(snapshot(world.foreign.programme())),
        problems);
    attack(
        report
            .withCaller("otherProgrammeOrganiser")
            .withPath("/admin/programmes/" + secondProgramme + "/report"),
        UUID.fromString(snapshot(secondProgramme)),
        UUID.fromString(ownSnapshot),
        problems);

    // A news post's programme and author.
    String posts =
        "select (select count(*) from post where programme_id = :id or author_speaker_id = :id) || '/'"
            + " || (select count(*) from post where organisation_id = '"
            + world.own.organisation()
            + "')";
    Case postProgramme =
        new Case(
            "news post programme",
            "organiser",
            "POST",
            "/admin/organisations/" + world.own.organisation() + "/posts",
            "slug=&authorId=&title_en=Body+ids&body_en=Text&programmeId={id}",
            posts);
    attack(postProgramme, own, world.foreign.programme(), problems);
    Case postAuthor =
        new Case(
            "news post author",
            "organiser",
            "POST",
            "/admin/organisations/" + world.own.organisation() + "/posts",
            "slug=&programmeId=&title_en=Body+ids&body_en=Text&authorId={id}",
            posts);
    attack(postAuthor, world.own.speaker(), world.foreign.speaker(), problems);

    // The mail whose address is released.
    Case release =
        new Case(
            "delivery release mail",
            "organiser",
            "POST",
            "/admin/programmes/" + own + "/delivery/release",
            "mail={id}",
            "select row_to_json(m)::text from mail_outbox m where id = :id");
    attack(release, mail(own), mail(world.foreign.programme()), problems);
    attack(
        release
            .withCaller("otherProgrammeOrganiser")
            .withPath("/admin/programmes/" + secondProgramme + "/delivery/release"),
        mail(secondProgramme),
        mail(own),
        problems);

    // The member whose role is revoked.
    Case revoke =
        new Case(
            "revoke a programme role",
            "organiser",
            "POST",
            "/admin/programmes/" + own + "/members/revoke",
            "role=SPEAKER&userId={id}",
            "select coalesce(string_agg(programme_id || ':' || role, ',' order by programme_id,"
                + " role), '') from programme_member where user_id = :id");
    attack(revoke, world.own.user(), world.foreign.user(), problems);

    // Attendance decisions: the registration a person of an upload is said to be.
    attendance(problems);

    // Check-in by personal code (badge): another programme's delegate's code.
    Case byCode =
        new Case(
            "check-in by code (page)",
            "door",
            "POST",
            "/admin/sessions/" + session + "/check-in",
            "code={id}&kind=IN&nonce=" + UUID.randomUUID(),
            "select (select count(*) from attendance_checkin where registration_id in ('"
                + world.foreign.registration()
                + "', '"
                + secondRegistration
                + "')) || '/' || (select count(*) from attendance_checkin where session_id = '"
                + session
                + "')");
    Case byCodeApi =
        new Case(
            "check-in by code (API)",
            "door",
            "POST",
            "/api/v1/sessions/" + session + "/check-ins",
            "{\"code\":\"{id}\",\"kind\":\"IN\"}",
            byCode.sql());
    String ownCode = codes.codeFor(world.own.delegateRegistration(), own);
    for (Case c : List.of(byCode, byCodeApi)) {
      attackValues(
          () -> c,
          ownCode,
          codes.codeFor(world.foreign.registration(), world.foreign.programme()),
          unknownCode(),
          problems);
      attackValues(
          () -> c,
          ownCode,
          codes.codeFor(secondRegistration, secondProgramme),
          unknownCode(),
          problems);
    }

    // The discussion tables' console: a table or a participant of another session's room.
    tables(problems);

    // A registration's answers and room requests (API): another programme's question or session.
    String registered =
        "select (select count(*) from registration_answer where question_id = :id) || '/'"
            + " || (select count(*) from registration_attendance where session_id = :id) || '/'"
            + " || (select count(*) from registration_answer a join registration r"
            + " on r.id = a.registration_id where r.programme_id = '"
            + own
            + "')";
    attack(
        new Case(
            "registration answers (API)",
            "organiser",
            "POST",
            "/api/v1/programmes/" + own + "/registrations",
            "{\"email\":\"answers-{id}@example.org\",\"fullName\":\"Body Ids\","
                + "\"answers\":{\"{id}\":\"yes\"}}",
            registered),
        world.own.question(),
        world.foreign.question(),
        problems);
    attack(
        new Case(
            "registration room request (API)",
            "organiser",
            "POST",
            "/api/v1/programmes/" + own + "/registrations",
            "{\"email\":\"room-{id}@example.org\",\"fullName\":\"Body Ids\","
                + "\"attendance\":{\"{id}\":\"ROOM\"}}",
            registered),
        session,
        foreignSession,
        problems);

    // A new programme in another organisation (the form's organisation field).
    attack(
        new Case(
            "new programme's organisation",
            "organiser",
            "POST",
            "/admin/programmes",
            "slug=b-{id}&title.en=Body+ids&languages=en&mainLanguage=en&timeZone=Asia%2FAlmaty"
                + "&organisationId={id}",
            "select count(*) || '' from programme where organisation_id = :id"),
        world.own.organisation(),
        world.foreign.organisation(),
        problems);

    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    assertThat(problems).as("ids of another programme in bodies").isEmpty();
  }

  private void attendance(List<String> problems) {
    UUID session = world.own.session();
    String sql =
        "select (select count(*) from attendance_alias where registration_id = :id) || '/'"
            + " || (select count(*) from attendance_import where session_id = '"
            + session
            + "') || '/' || (select count(*) from attendance_alias where programme_id = '"
            + world.own.programme()
            + "')";
    // Each call gets a new upload: a confirmed one is gone.
    java.util.function.Supplier<Case> fresh =
        () ->
            new Case(
                "attendance decision",
                "organiser",
                "POST",
                "/admin/sessions/"
                    + session
                    + "/attendance/uploads/"
                    + upload(session)
                    + "/confirm",
                "choice.0={id}",
                sql);
    attackEach(fresh, world.own.delegateRegistration(), world.foreign.registration(), problems);
    attackEach(fresh, world.own.delegateRegistration(), secondRegistration, problems);
    // Two people of the file: one said to be one's own delegate, the other another programme's.
    var refused =
        mixed(
            new Case(
                "attendance decisions, own and foreign",
                "organiser",
                "POST",
                "/admin/sessions/"
                    + session
                    + "/attendance/uploads/"
                    + upload(session)
                    + "/confirm",
                "choice.0=" + world.own.registration() + "&choice.1={id}",
                sql),
            world.foreign.registration(),
            problems);
    // The organiser is told why nothing was recorded.
    if (!refused.body().contains("Choose one of the registrations offered.")) {
      problems.add("attendance decisions, own and foreign: the refusal is not said on the page");
    }
  }

  private void tables(List<String> problems) {
    UUID session = world.own.session();
    UUID ownTable = table(session);
    UUID ownOther = table(session);
    UUID foreignTable = table(foreignSession);
    UUID ownPerson = participant(session);
    UUID foreignPerson = participant(foreignSession);
    String spot =
        "select (select row_to_json(t)::text from live_table t where id = :id) || '/'"
            + " || (select coalesce(spotlight_table::text, '-') from live_room where session_id = '"
            + session
            + "') || (select coalesce(spotlight_table::text, '-') from live_room"
            + " where session_id = '"
            + foreignSession
            + "')";
    attack(
        new Case(
            "tables spotlight",
            "organiser",
            "POST",
            "/sessions/" + session + "/live/tables/spotlight",
            "table={id}",
            spot),
        ownTable,
        foreignTable,
        problems);
    String seats =
        "select (select count(*) from live_table_seat where table_id = :id) || '/'"
            + " || (select count(*) from live_table_seat s join live_table t on t.id = s.table_id"
            + " where t.session_id = '"
            + session
            + "')";
    attack(
        new Case(
            "tables move to table",
            "organiser",
            "POST",
            "/sessions/" + session + "/live/tables/move",
            "participant=" + ownPerson + "&table={id}",
            seats),
        ownOther,
        foreignTable,
        problems);
    attack(
        new Case(
            "tables move participant",
            "organiser",
            "POST",
            "/sessions/" + session + "/live/tables/move",
            "table=" + ownTable + "&participant={id}",
            "select (select count(*) from live_table_seat where participant_id = :id) || '/'"
                + " || (select count(*) from live_table_seat where table_id = '"
                + ownTable
                + "')"),
        ownPerson,
        foreignPerson,
        problems);
  }

  // --- running one attack --------------------------------------------------------------------

  /** The control with the own id, then the foreign id against an unknown one. */
  private void attack(Case c, UUID ownId, UUID foreignId, List<String> problems) {
    attackEach(() -> c, ownId, foreignId, problems);
  }

  private void attackEach(
      java.util.function.Supplier<Case> cases, UUID ownId, UUID foreignId, List<String> problems) {
    attackValues(
        cases, ownId.toString(), foreignId.toString(), UUID.randomUUID().toString(), problems);
  }

  /** As above with any value: a code, say, and one that exists nowhere. */
  private void attackValues(
      java.util.function.Supplier<Case> cases,
      String ownId,
      String foreignId,
      String unknown,
      List<String> problems) {
    Case c = cases.get();
    // The control: one's own object is told apart from an unknown id.
    String ownBefore = read(c, ownId.toString());
    Caller.Answer stranger = call(c, unknown);
    Caller.Answer mine = call(cases.get(), ownId.toString());
    String ownAfter = read(c, ownId.toString());
    restore.run();
    boolean told =
        stranger.status() != mine.status()
            || !same(stranger.location(), unknown).equals(same(mine.location(), ownId))
            || !ownBefore.equals(ownAfter);
    System.out.printf(
        "  %-55s control %d / unknown %d%n", c.label(), mine.status(), stranger.status());
    if (!told) {
      problems.add(c.label() + ": the control on one's own object looks like an unknown id");
    }
    // The attack.
    Case a = cases.get();
    String victim = foreignId;
    String before = read(a, victim);
    Caller.Answer u = call(a, unknown);
    Caller.Answer f = call(a, victim);
    if (!equal(u, unknown, f, victim)) {
      // A page may show the minute it was drawn: ask both again once.
      u = call(a, unknown);
      f = call(a, victim);
    }
    String after = read(a, victim);
    restore.run();
    String label = a.label() + " with " + victim + " as " + a.caller();
    System.out.printf("  %-55s foreign %d / unknown %d%n", a.label(), f.status(), u.status());
    if (f.status() >= 500) {
      problems.add(label + ": " + f.status());
    }
    if (f.status() != u.status()) {
      problems.add(label + ": status " + f.status() + ", for an unknown id " + u.status());
    } else if (!same(f.location(), victim).equals(same(u.location(), unknown))) {
      problems.add(label + ": redirects to " + f.location() + ", unknown " + u.location());
    } else if (!same(f.body(), victim).equals(same(u.body(), unknown))) {
      problems.add(label + ": another body than for an unknown id: " + f.body());
    }
    if (!before.equals(after)) {
      problems.add(label + ": changed: " + before + " -> " + after);
    }
  }

  /** A malformed id: no 5xx, nothing changed. */
  private void malformed(Case c, List<String> problems) {
    for (String bad : List.of("not-an-id", "", "00000000-0000-0000-0000-00000000000g")) {
      String before = read(c, UUID.randomUUID().toString()).replaceAll("^[^/]*", "");
      Caller.Answer a = call(c, bad);
      String after = read(c, UUID.randomUUID().toString()).replaceAll("^[^/]*", "");
      restore.run();
      if (a.status() >= 500) {
        problems.add(c.label() + " with '" + bad + "': " + a.status());
      }
      if (!before.equals(after)) {
        problems.add(c.label() + " with '" + bad + "': changed " + before + " -> " + after);
      }
    }
  }

  /** A list mixing an own and a foreign id: refused as a whole, nothing of it applied. */
  private Caller.Answer mixed(Case c, UUID foreignId, List<String> problems) {
    String victim = foreignId.toString();
    String before = read(c, victim);
    Caller.Answer a = call(c, victim);
    String after = read(c, victim);
    restore.run();
    System.out.printf("  %-55s mixed %d%n", c.label(), a.status());
    if (a.status() < 400 || a.status() >= 500) {
      problems.add(c.label() + ": a list with a foreign id answered " + a.status());
    }
    if (!before.equals(after)) {
      problems.add(c.label() + ": something of the list was applied: " + before + " -> " + after);
    }
    return a;
  }

  private Caller.Answer call(Case c, String id) {
    Caller caller = world.callers.get(c.caller());
    String path = c.path().replace("{id}", id);
    String body = c.body() == null ? null : c.body().replace("{id}", id);
    return path.startsWith("/api/")
        ? caller.api(c.method(), path, body)
        : caller.web(c.method(), path, body);
  }

  private String read(Case c, String id) {
    UUID u;
    try {
      u = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      u = UUID.randomUUID();
    }
    return jdbc.sql(c.sql()).param("id", u).query(String.class).optional().orElse("(none)");
  }

  private static boolean equal(Caller.Answer u, String unknown, Caller.Answer f, String victim) {
    return u.status() == f.status()
        && same(u.location(), unknown).equals(same(f.location(), victim))
        && same(u.body(), unknown).equals(same(f.body(), victim));
  }

  /** The answer with the submitted id and the page's form tokens taken out. */
  private static String same(String text, String id) {
    return text.replace(id, "{id}")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
        .replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "")
        .replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "")
        .replaceAll("name=\"nonce\" value=\"[^\"]*\"", "");
  }

  /** A well-formed personal code (its check character right) that nobody holds. */
  private static String unknownCode() {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    var random = new java.security.SecureRandom();
    StringBuilder b = new StringBuilder();
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int c = random.nextInt(32);
      b.append(alphabet.charAt(c));
      sum += (i + 1) * c;
    }
    b.append(alphabet.charAt(sum % 31));
    return b.substring(0, 4) + "-" + b.substring(4, 8) + "-" + b.substring(8);
  }

  /** A table of the session's open round (one round per session, opened on first use). */
  private UUID table(UUID session) {
    UUID round =
        jdbc.sql("select id from live_table_round where session_id = :s and closed_at is null")
            .param("s", session)
            .query(UUID.class)
            .optional()
            .orElseGet(
                () -> {
                  UUID r = UUID.randomUUID();
                  jdbc.sql(
                          "insert into live_table_round (id, session_id, grouping, mixing,"
                              + " max_size, opened_at, ends_at) values (:r, :s, 'RANDOM', 'MIXED',"
                              + " 4, now(), now() + interval '1 hour')")
                      .param("r", r)
                      .param("s", session)
                      .update();
                  return r;
                });
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_table (id, round_id, session_id, number) values (:id, :r, :s,"
                + " (select coalesce(max(number), 0) + 1 from live_table where round_id = :r))")
        .param("id", id)
        .param("r", round)
        .param("s", session)
        .update();
    return id;
  }

  private UUID participant(UUID session) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_participant (id, session_id, kind, subject_key, pass_hash)"
                + " values (:id, :s, 'DELEGATE', :k, :h)")
        .param("id", id)
        .param("s", session)
        .param("k", UUID.randomUUID().toString())
        .param("h", UUID.randomUUID().toString())
        .update();
    return id;
  }

  // --- objects -------------------------------------------------------------------------------

  private UUID poll(UUID session, boolean multiple) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_poll (id, session_id, question, multiple, status, created_at)"
                + " values (:id, :s, 'Which?', :m, 'OPEN', now())")
        .param("id", id)
        .param("s", session)
        .param("m", multiple)
        .update();
    for (int i = 0; i < 2; i++) {
      jdbc.sql(
              "insert into live_poll_option (id, poll_id, position, label)"
                  + " values (:o, :p, :i, 'Yes')")
          .param("o", UUID.randomUUID())
          .param("p", id)
          .param("i", i)
          .update();
    }
    return id;
  }

  private UUID option(UUID poll, int position) {
    return jdbc.sql("select id from live_poll_option where poll_id = :p and position = :i")
        .param("p", poll)
        .param("i", position)
        .query(UUID.class)
        .single();
  }

  private String snapshot(UUID programme) {
    var made =
        world
            .callers
            .get("platformAdmin")
            .api("POST", "/api/v1/programmes/" + programme + "/report/publications", "{}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return id(made.body());
  }

  /** A mail about the programme (its registrations' confirmations are queued after commit). */
  private UUID mail(UUID programme) {
    if (programme.equals(secondProgramme)) {
      register("otherProgrammeOrganiser", programme, "mail-" + UUID.randomUUID());
    }
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select id from mail_outbox where programme_id = :p"
                            + " order by created_at limit 1")
                    .param("p", programme)
                    .query(UUID.class)
                    .optional(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** An upload of two people nobody matched yet, sealed under the session's programme's key. */
  private UUID upload(UUID session) {
    String who = UUID.randomUUID().toString().substring(0, 6);
    Instant starts =
        jdbc.sql("select starts_at from session where id = :s")
            .param("s", session)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    var format =
        java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", java.util.Locale.US)
            .withZone(java.time.ZoneId.of("Asia/Almaty"));
    String join = format.format(starts.plusSeconds(60));
    String leave = format.format(starts.plusSeconds(3600));
    return imports.upload(
        admin(),
        session,
        "zoom.csv",
        ("Name (original name),User email,Join time,Leave time,Duration (minutes)\n"
                + "Guest "
                + who
                + "a,"
                + who
                + "a@example.net,"
                + join
                + ","
                + leave
                + ",59\n"
                + "Guest "
                + who
                + "b,"
                + who
                + "b@example.net,"
                + join
                + ","
                + leave
                + ",59\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private LecternUser admin() {
    UUID id =
        jdbc.sql("select id from app_user where platform_admin and id in (:ids)")
            .param("ids", world.people)
            .query(UUID.class)
            .single();
    return users.find(id).orElseThrow();
  }
}
