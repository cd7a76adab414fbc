package org.lectern.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.lectern.speaker.SpeakerAccounts;
import org.lectern.speaker.SpeakerService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Inner objects of another programme (IDOR). {@link AuthorisationMatrixIT} fills an inner id (a
 * poll of a session, a material, an upload, a member of an organisation…) with a random id; here
 * every route whose path names an inner object under an outer one — read from Spring MVC's handler
 * mappings, so a new route cannot be forgotten — is called by someone who may act on the outer
 * object (their own programme, session or organisation) with the id of an inner object that exists
 * elsewhere: in a programme of another organisation, and (where organisers are per programme) in
 * another programme of the same organisation. The answer must be the answer to an id that exists
 * nowhere — same status, same redirect, same body but for the ids — and the other object must be
 * unchanged afterwards. Public objects behind one id that the matrix only meets as random ids (news
 * posts and their pictures) are checked the same way.
 */
class InnerObjectsIT extends IntegrationTest {

  /** Path variables that name an object inside the route's outer object. */
  static final Set<String> INNER =
      Set.of(
          "pid",
          "qid",
          "mid",
          "tid",
          "upload",
          "requestId",
          "userId",
          "q",
          "registrationId",
          "organisationId");

  /** Routes with an inner variable whose inner object is not one of the caller's, and why. */
  static final Map<String, String> NOT_INNER =
      Map.of(
          "PUT /api/v1/programmes/{id}/partners/{organisationId}/{role}",
          "names an organisation on one's own programme: every organisation of the installation"
              + " may be proposed (the settings page takes its address name); an id of none gets"
              + " the same answer (PartnerConsentIT); nothing of it is read or changed");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired ProgrammeService programmes;
  @Autowired SpeakerService speakers;
  @Autowired SpeakerAccounts speakerAccounts;
  @Autowired ApiTokenService apiTokens;
  @Autowired CertificateService certificates;
  @Autowired OneTimeTokenService signInTokens;
  @Autowired PersonalDataCipher cipher;
  @Autowired org.lectern.attendance.importing.AttendanceImportService imports;

  MatrixWorld world;
  MatrixRestore restore;

  /** Where an inner object is made, and what the caller names as the outer object. */
  record Scope(
      UUID organisation, UUID programme, UUID session, UUID member, UUID registration, UUID q) {}

  /** An inner object made for one attack: its id, and a reading of it to compare after. */
  record Victim(String id, Map<String, String> more, String sql) {}

  /** How one route is attacked: by whom, with what body, on which inner object. */
  record Case(
      String attacker,
      boolean perProgramme,
      List<String> actions,
      Function<Scope, Victim> make,
      String body) {}

  Scope own;
  Scope foreign;
  Scope second;
  String recordingToken;

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
    restore = new MatrixRestore(jdbc, world);
    own = scope(world.own);
    foreign = scope(world.foreign);
    // The other programme of the same organisation, organised by "otherProgrammeOrganiser" only.
    UUID secondProgramme =
        jdbc.sql(
                "select id from programme where organisation_id = :o and id <> :p"
                    + " and slug like 'matrix-second-%'")
            .param("o", world.own.organisation())
            .param("p", world.own.programme())
            .query(UUID.class)
            .single();
    var made =
        world
            .callers
            .get("otherProgrammeOrganiser")
            .api(
                "POST",
                "/api/v1/programmes/" + secondProgramme + "/sessions",
                "{\"title\":\"Second\",\"startsAt\":\""
                    + java.time.Instant.now().plusSeconds(1800)
                    + "\",\"endsAt\":\""
                    + java.time.Instant.now().plusSeconds(9000)
                    + "\",\"mode\":\"HYBRID\"}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    UUID secondSession =
        jdbc.sql("select id from session where programme_id = :p")
            .param("p", secondProgramme)
            .query(UUID.class)
            .single();
    second = new Scope(world.own.organisation(), secondProgramme, secondSession, null, null, null);
    for (Scope s : List.of(own, foreign, second)) {
      room(s.session());
    }
    // The delegate's personal link to the recording and materials of the roles' own session.
    recordingToken = UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "insert into learning_recording_link (token_hash, registration_id, session_id,"
                + " created_at) values (:h, :r, :s, now())")
        .param("h", Sha256.hex(recordingToken))
        .param("r", world.own.delegateRegistration())
        .param("s", world.own.session())
        .update();
  }

  private static Scope scope(MatrixWorld.Objects o) {
    return new Scope(
        o.organisation(), o.programme(), o.session(), o.user(), o.registration(), o.question());
  }

  private void room(UUID session) {
    jdbc.sql(
            "insert into live_room (session_id, join_key, vote_salt) values (:s, :k, :salt)"
                + " on conflict (session_id) do nothing")
        .param("s", session)
        .param("k", UUID.randomUUID().toString())
        .param("salt", new byte[16])
        .update();
  }

  // --- inner objects, made in a scope ------------------------------------------------------------

  private Victim question(Scope s, String status) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_question (id, session_id, body, status, created_at)"
                + " values (:id, :s, 'Where?', :st, now())")
        .param("id", id)
        .param("s", s.session())
        .param("st", status)
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(q)::text || (select count(*) from live_question_vote"
            + " where question_id = q.id) from live_question q where id = :id");
  }

  private Victim poll(Scope s, String status) {
    UUID id = UUID.randomUUID();
    UUID option = UUID.randomUUID();
    jdbc.sql(
            "insert into live_poll (id, session_id, question, multiple, status, created_at)"
                + " values (:id, :s, 'Which?', false, :st, now())")
        .param("id", id)
        .param("s", s.session())
        .param("st", status)
        .update();
    for (int i = 0; i < 2; i++) {
      jdbc.sql(
              "insert into live_poll_option (id, poll_id, position, label)"
                  + " values (:o, :p, :i, 'Yes')")
          .param("o", i == 0 ? option : UUID.randomUUID())
          .param("p", id)
          .param("i", i)
          .update();
    }
    return new Victim(
        id.toString(),
        Map.of("option", option.toString()),
        "select row_to_json(p)::text || (select count(*) from live_poll_vote"
            + " where poll_id = p.id) from live_poll p where id = :id");
  }

  private Victim participant(Scope s, boolean hand) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_participant (id, session_id, kind, subject_key, pass_hash)"
                + " values (:id, :s, 'DELEGATE', :k, :h)")
        .param("id", id)
        .param("s", s.session())
        .param("k", UUID.randomUUID().toString())
        .param("h", UUID.randomUUID().toString())
        .update();
    if (hand) {
      jdbc.sql(
              "insert into live_hand (participant_id, session_id, raised_at)"
                  + " values (:id, :s, now())")
          .param("id", id)
          .param("s", s.session())
          .update();
    }
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text || coalesce((select row_to_json(h)::text from live_hand h"
            + " where h.participant_id = x.id), '') from live_participant x where id = :id");
  }

  private Victim chat(Scope s) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_chat_message (id, session_id, body, created_at)"
                + " values (:id, :s, 'Hello', now())")
        .param("id", id)
        .param("s", s.session())
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text from live_chat_message x where id = :id");
  }

  private Victim table(Scope s) {
    // One open round per session: the tables of a scope join it.
    UUID round =
        jdbc.sql("select id from live_table_round where session_id = :s and closed_at is null")
            .param("s", s.session())
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
                      .param("s", s.session())
                      .update();
                  return r;
                });
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into live_table (id, round_id, session_id, number, help_at) values (:id, :r,"
                + " :s, (select coalesce(max(number), 0) + 1 from live_table where round_id = :r),"
                + " now())")
        .param("id", id)
        .param("r", round)
        .param("s", s.session())
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text || (select count(*) from live_question q"
            + " where q.session_id = x.session_id) from live_table x where id = :id");
  }

  private Victim learningQuestion(Scope s) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into learning_question (id, programme_id, position, kind, body, options,"
                + " correct, explanation, created_at) values (:id, :p, 1, 'TRUE_FALSE',"
                + " '{\"en\":\"True?\"}', '[]', '{0}', '{}', now())")
        .param("id", id)
        .param("p", s.programme())
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text from learning_question x where id = :id");
  }

  private Victim recordingQuestion(Scope s) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into learning_recording_question (id, session_id, programme_id, position, kind,"
                + " body, options, correct, explanation, created_at) values (:id, :s, :p, 1,"
                + " 'TRUE_FALSE', '{\"en\":\"True?\"}', '[]', '{0}', '{}', now())")
        .param("id", id)
        .param("s", s.session())
        .param("p", s.programme())
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text from learning_recording_question x where id = :id");
  }

  private Victim material(Scope s) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into learning_material (id, session_id, programme_id, title, file_name,"
                + " content_type, size_bytes, sha256, access, sealed, content, uploaded_by,"
                + " uploaded_at) values (:id, :s, :p, 'Slides', 'slides.pdf', 'application/pdf', 9,"
                + " 'x', 'REGISTERED', false, :c, :u, now())")
        .param("id", id)
        .param("s", s.session())
        .param("p", s.programme())
        .param("c", "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .param("u", UUID.randomUUID())
        .update();
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text from learning_material x where id = :id");
  }

  private Victim upload(Scope s) {
    // Through the service: the upload is sealed under its programme's key.
    UUID id =
        imports.upload(
            admin(),
            s.session(),
            "zoom.csv",
            "Name (original name),User email,Join time,Leave time,Duration (minutes)\n"
                .concat(
                    "Aliya B,aliya@example.org,02/09/2021 10:00:00 AM,02/09/2021 11:00:00 AM,60\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new Victim(
        id.toString(),
        Map.of(),
        "select row_to_json(x)::text || (select count(*) from attendance_import i"
            + " where i.session_id = x.session_id) from attendance_upload x where id = :id");
  }

  private org.lectern.identity.LecternUser admin() {
    UUID id =
        jdbc.sql("select id from app_user where platform_admin and id in (:ids)")
            .param("ids", world.people)
            .query(UUID.class)
            .single();
    return users.find(id).orElseThrow();
  }

  private Victim snapshot(Scope s) {
    var made =
        world
            .callers
            .get("platformAdmin")
            .api("POST", "/api/v1/programmes/" + s.programme() + "/report/publications", "{}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String id = made.body().replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    return new Victim(
        id, Map.of(), "select row_to_json(x)::text from report_snapshot x where id = :id");
  }

  private Victim purgeRequest(Scope s) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into purge_request (id, organisation_id, programme_id, requested_by,"
                + " requested_at, expires_at) values (:id, :o, :p, :u, now(),"
                + " now() + interval '1 day')")
        .param("id", id)
        .param("o", s.organisation())
        .param("p", throwaway(s.organisation()))
        .param("u", s.member())
        .update();
    return new Victim(
        id.toString(), Map.of(), "select row_to_json(x)::text from purge_request x where id = :id");
  }

  /** A programme of the organisation made only to be named by a purge request. */
  private UUID throwaway(UUID organisation) {
    var made =
        world
            .callers
            .get("platformAdmin")
            .api(
                "POST",
                "/api/v1/programmes",
                "{\"slug\":\"inner-purge-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"title\":{\"en\":\"Throwaway\"},\"timeZone\":\"Asia/Almaty\","
                    + "\"languages\":[\"en\"],\"organisationId\":\""
                    + organisation
                    + "\"}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return UUID.fromString(
        made.body().replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
  }

  private Victim orgMember(Scope s) {
    return new Victim(
        s.member().toString(),
        Map.of(),
        "select coalesce(string_agg(organisation_id || ':' || role, ',' order by organisation_id),"
            + " '') from organisation_member where user_id = :id");
  }

  private Victim programmeMember(Scope s) {
    return new Victim(
        s.member().toString(),
        Map.of(),
        "select coalesce(string_agg(programme_id || ':' || role, ',' order by programme_id, role),"
            + " '') from programme_member where user_id = :id");
  }

  private Victim partner(Scope s) {
    jdbc.sql(
            "insert into programme_organisation (programme_id, organisation_id, role,"
                + " acknowledgement, disclaimer, position) values (:p, :o, 'CO_ORGANISER', '{}',"
                + " '{}', 9) on conflict do nothing")
        .param("p", s.programme())
        .param("o", s.organisation())
        .update();
    return new Victim(
        s.organisation().toString(),
        Map.of(),
        "select count(*) || '' from programme_organisation where organisation_id = :id");
  }

  private Victim registrationQuestion(Scope s) {
    return new Victim(
        s.q().toString(),
        Map.of(),
        "select row_to_json(x)::text from registration_question x where id = :id");
  }

  private Victim certificateOf(Scope s) {
    return new Victim(
        s.registration().toString(),
        Map.of(),
        "select coalesce((select string_agg(code || status, ',') from certificate"
            + " where registration_id = :id), '') || coalesce((select string_agg(reason, ',')"
            + " from certificate_override where registration_id = :id), '')");
  }

  // --- the routes ----------------------------------------------------------------------------

  private Map<String, Case> cases() {
    Map<String, Case> c = new LinkedHashMap<>();
    List<String> one = List.of("");
    c.put(
        "POST /sessions/{id}/live/questions/{qid}/vote",
        new Case("delegate", false, one, s -> question(s, "VISIBLE"), null));
    c.put(
        "POST /sessions/{id}/live/polls/{pid}/vote",
        new Case("delegate", false, one, s -> poll(s, "OPEN"), "option={option}"));
    c.put(
        "POST /sessions/{id}/live/questions/{qid}/{action:approve|answer|hide|pin|unpin|spotlight}",
        new Case(
            "organiser",
            true,
            List.of("approve", "answer", "hide", "pin", "unpin", "spotlight"),
            s -> question(s, "PENDING"),
            null));
    c.put(
        "POST /sessions/{id}/live/polls/{pid}/{action:open|close}",
        new Case("organiser", true, List.of("open", "close"), s -> poll(s, "DRAFT"), null));
    c.put(
        "GET /sessions/{id}/live/polls/{pid}/results.csv",
        new Case("organiser", true, one, s -> poll(s, "CLOSED"), null));
    c.put(
        "POST /sessions/{id}/live/participants/{pid}/remove",
        new Case("organiser", true, one, s -> participant(s, false), null));
    c.put(
        "POST /sessions/{id}/live/hands/{pid}/lower",
        new Case("organiser", true, one, s -> participant(s, true), null));
    c.put(
        "POST /sessions/{id}/live/chat/{mid}/hide",
        new Case("organiser", true, one, this::chat, null));
    c.put(
        "POST /sessions/{id}/live/tables/{tid}/help/done",
        new Case("organiser", true, one, this::table, null));
    c.put(
        "POST /sessions/{id}/live/tables/{tid}/question",
        new Case("organiser", true, one, this::table, null));
    c.put(
        "POST /admin/programmes/{id}/learning/questions/{qid}/delete",
        new Case("organiser", true, one, this::learningQuestion, null));
    c.put(
        "GET /admin/sessions/{id}/materials/{mid}",
        new Case("organiser", true, one, this::material, null));
    c.put(
        "POST /admin/sessions/{id}/materials/{mid}/delete",
        new Case("organiser", true, one, this::material, null));
    c.put(
        "GET /learning/r/{token}/materials/{mid}",
        new Case("anonymous", false, one, this::material, null));
    c.put(
        "POST /admin/sessions/{id}/recording/questions/{qid}/delete",
        new Case("organiser", true, one, this::recordingQuestion, null));
    c.put(
        "GET /admin/sessions/{id}/attendance/uploads/{upload}",
        new Case("organiser", true, one, this::upload, null));
    c.put(
        "POST /admin/sessions/{id}/attendance/uploads/{upload}/choices",
        new Case("organiser", true, one, this::upload, "timeZone=Asia%2FAlmaty"));
    c.put(
        "POST /admin/sessions/{id}/attendance/uploads/{upload}/confirm",
        new Case("organiser", true, one, this::upload, "choice.0=none"));
    c.put(
        "POST /admin/programmes/{id}/registration-settings/questions/{q}",
        new Case("organiser", true, one, this::registrationQuestion, null));
    for (String action : List.of("issue", "override", "override/remove")) {
      c.put(
          "POST /admin/programmes/{id}/certificates/registrations/{registrationId}/" + action,
          new Case("organiser", true, one, this::certificateOf, "reason=attended"));
    }
    c.put(
        "GET /api/v1/programmes/{id}/report/publications/{pid}",
        new Case("organiser", true, one, this::snapshot, null));
    c.put(
        "DELETE /api/v1/programmes/{id}/members/{userId}/{role}",
        new Case("organiser", true, one, this::programmeMember, null));
    c.put(
        "DELETE /api/v1/programmes/{id}/partners/{organisationId}/{role}",
        new Case("organiser", false, one, this::partner, null));
    c.put(
        "POST /admin/organisations/{id}/members/{userId}/role",
        new Case("organisationAdmin", false, one, this::orgMember, "role=MEMBER"));
    c.put(
        "POST /admin/organisations/{id}/members/{userId}/remove",
        new Case("organisationAdmin", false, one, this::orgMember, null));
    c.put(
        "PATCH /api/v1/organisations/{id}/members/{userId}",
        new Case("organisationAdmin", false, one, this::orgMember, "{\"role\":\"MEMBER\"}"));
    c.put(
        "DELETE /api/v1/organisations/{id}/members/{userId}",
        new Case("organisationAdmin", false, one, this::orgMember, null));
    c.put(
        "POST /admin/organisations/{id}/purge/{requestId}/confirm",
        new Case("organisationAdmin", false, one, this::purgeRequest, null));
    c.put(
        "POST /admin/organisations/{id}/purge/{requestId}/cancel",
        new Case("organisationAdmin", false, one, this::purgeRequest, null));
    return c;
  }

  /** Every route whose path holds an inner variable after the outer one. */
  List<String> innerRoutes() {
    Set<String> out = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              var methods = info.getMethodsCondition().getMethods();
              List<String> names =
                  methods.isEmpty()
                      ? List.of("GET")
                      : methods.stream().map(RequestMethod::name).sorted().toList();
              for (String pattern : info.getPatternValues()) {
                var m = java.util.regex.Pattern.compile("\\{([A-Za-z]+)").matcher(pattern);
                List<String> vars = new ArrayList<>();
                while (m.find()) {
                  vars.add(m.group(1));
                }
                if (vars.size() > 1
                    && vars.subList(1, vars.size()).stream().anyMatch(INNER::contains)) {
                  names.forEach(n -> out.add(n + " " + pattern));
                }
              }
            });
    return List.copyOf(out);
  }

  @Test
  void anInnerObjectOfAnotherProgrammeAnswersAsAnUnknownIdAndStaysAsItWas() {
    Map<String, Case> cases = cases();
    List<String> routes = innerRoutes();
    List<String> unlisted =
        routes.stream().filter(r -> !cases.containsKey(r) && !NOT_INNER.containsKey(r)).toList();
    List<String> stale = cases.keySet().stream().filter(r -> !routes.contains(r)).toList();
    List<String> problems = new ArrayList<>();
    int requests = 0;
    for (var e : cases.entrySet()) {
      String route = e.getKey();
      Case k = e.getValue();
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1);
      List<Scope[]> pairs = new ArrayList<>();
      // {outer the caller may act on, where the inner object is}
      pairs.add(new Scope[] {own, foreign});
      if (k.perProgramme()) {
        pairs.add(new Scope[] {second, own});
      }
      // The control: the same call on an inner object of the caller's own is told apart from an
      // unknown id (by its answer, or by what it changed) — else this test could not see a leak.
      pairs.add(0, new Scope[] {own, own});
      for (Scope[] pair : pairs) {
        boolean control = pair[0] == pair[1];
        String attacker =
            pair[0] == second
                ? ("organiser".equals(k.attacker()) ? "otherProgrammeOrganiser" : k.attacker())
                : k.attacker();
        Caller caller = world.callers.get(attacker);
        for (String action : k.actions()) {
          Victim victim = k.make().apply(pair[1]);
          Victim unknown =
              new Victim(
                  UUID.randomUUID().toString(),
                  victim.more().isEmpty()
                      ? Map.of()
                      : Map.of("option", UUID.randomUUID().toString()),
                  null);
          String before = read(victim);
          Caller.Answer stranger =
              call(caller, method, pattern, pair[0], unknown, action, k.body());
          Caller.Answer inner = call(caller, method, pattern, pair[0], victim, action, k.body());
          requests += 2;
          String label =
              method
                  + " "
                  + fill(pattern, pair[0], victim, action)
                  + " as "
                  + attacker
                  + (pair[0] == second ? " (another programme of the organisation)" : "");
          String after = read(victim);
          restore.run();
          if (control) {
            boolean told =
                stranger.status() != inner.status()
                    || !same(stranger.location(), unknown).equals(same(inner.location(), victim))
                    || !before.equals(after);
            if (!told) {
              problems.add(label + ": the control on one's own object looks like an unknown id");
            }
            System.out.printf(
                "  %-100s %d / unknown %d (control)%n", label, inner.status(), stranger.status());
            continue;
          }
          if (stranger.status() != inner.status()) {
            problems.add(
                label + ": status " + inner.status() + ", for an unknown id " + stranger.status());
          } else if (!same(stranger.location(), unknown).equals(same(inner.location(), victim))) {
            problems.add(
                label + ": redirects to " + inner.location() + ", unknown " + stranger.location());
          } else if (!same(stranger.body(), unknown).equals(same(inner.body(), victim))) {
            problems.add(label + ": another body than for an unknown id: " + inner.body());
          }
          if (inner.status() >= 500) {
            problems.add(label + ": " + inner.status());
          }
          if (!before.equals(after)) {
            problems.add(label + ": the inner object changed: " + before + " -> " + after);
          }
          System.out.printf("  %-100s %d / unknown %d%n", label, inner.status(), stranger.status());
        }
      }
    }
    System.out.printf(
        "Inner objects: %d routes with an inner id, %d requests, %d problems%n",
        cases.size(), requests, problems.size());
    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    assertThat(unlisted).as("routes with an inner id and no case in InnerObjectsIT").isEmpty();
    assertThat(stale).as("cases for routes that no longer exist").isEmpty();
    assertThat(problems).as("inner objects of another programme").isEmpty();
  }

  /**
   * Objects behind one id that the matrix meets only as random ids (marked {@code placeholder}):
   * another organisation's news post and its picture answer an organiser as an unknown id, and stay
   * as they were.
   */
  @Test
  void anotherOrganisationsPostAnswersAsAnUnknownId() {
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("GET /admin/posts/{postId}", null);
    routes.put("POST /admin/posts/{postId}", "slug=&programmeId=&authorId=&title.en=Changed");
    routes.put("POST /admin/posts/{postId}/publish", null);
    routes.put("POST /admin/posts/{postId}/unpublish", null);
    routes.put("POST /admin/posts/{postId}/delete", null);
    routes.put("POST /admin/posts/{postId}/images", null);
    routes.put("GET /news/images/{imageId}", null);
    List<String> problems = new ArrayList<>();
    for (var r : routes.entrySet()) {
      String method = r.getKey().substring(0, r.getKey().indexOf(' '));
      String pattern = r.getKey().substring(r.getKey().indexOf(' ') + 1);
      UUID post = UUID.randomUUID();
      UUID image = UUID.randomUUID();
      jdbc.sql(
              "insert into post (id, organisation_id, slug, created_at, updated_at)"
                  + " values (:id, :o, :slug, now(), now())")
          .param("id", post)
          .param("o", world.foreign.organisation())
          .param("slug", "inner-" + post.toString().substring(0, 8))
          .update();
      jdbc.sql(
              "insert into post_text (post_id, language, title, body)"
                  + " values (:id, 'en', 'Draft', 'Text')")
          .param("id", post)
          .update();
      jdbc.sql(
              "insert into post_image (id, post_id, content_type, bytes, created_at)"
                  + " values (:id, :p, 'image/png', :b, now())")
          .param("id", image)
          .param("p", post)
          .param("b", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
          .update();
      String victim = pattern.contains("{imageId}") ? image.toString() : post.toString();
      String unknown = UUID.randomUUID().toString();
      String sql =
          "select row_to_json(p)::text || (select string_agg(title, ',') from post_text t"
              + " where t.post_id = p.id) || (select count(*) from post_image i"
              + " where i.post_id = p.id) from post p where id = :id";
      String before = jdbc.sql(sql).param("id", post).query(String.class).single();
      for (String role : List.of("organiser", "anonymous")) {
        if ("anonymous".equals(role) != pattern.startsWith("/news/")) {
          continue;
        }
        Caller caller = world.callers.get(role);
        String var = pattern.contains("{imageId}") ? "{imageId}" : "{postId}";
        Caller.Answer a = caller.web(method, pattern.replace(var, victim), r.getValue());
        Caller.Answer b = caller.web(method, pattern.replace(var, unknown), r.getValue());
        Victim v = new Victim(victim, Map.of(), null);
        Victim u = new Victim(unknown, Map.of(), null);
        System.out.printf(
            "  %-60s as %s: %d / unknown %d%n", r.getKey(), role, a.status(), b.status());
        if (a.status() != b.status()
            || !same(a.location(), v).equals(same(b.location(), u))
            || !same(a.body(), v).equals(same(b.body(), u))) {
          problems.add(
              r.getKey()
                  + " as "
                  + role
                  + ": "
                  + a.status()
                  + " "
                  + a.body()
                  + " / unknown "
                  + b.status()
                  + " "
                  + b.body());
        }
      }
      String after = jdbc.sql(sql).param("id", post).query(String.class).optional().orElse("");
      if (!before.equals(after)) {
        problems.add(r.getKey() + ": the post changed: " + before + " -> " + after);
      }
    }
    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    assertThat(problems).as("another organisation's posts").isEmpty();
  }

  private String read(Victim v) {
    return jdbc.sql(v.sql())
        .param("id", UUID.fromString(v.id()))
        .query(String.class)
        .optional()
        .orElse("(none)");
  }

  private Caller.Answer call(
      Caller caller,
      String method,
      String pattern,
      Scope outer,
      Victim inner,
      String action,
      String body) {
    String path = fill(pattern, outer, inner, action);
    String b = body == null ? null : fillBody(body, inner);
    return path.startsWith("/api/") ? caller.api(method, path, b) : caller.web(method, path, b);
  }

  private String fill(String pattern, Scope outer, Victim inner, String action) {
    var m = java.util.regex.Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    boolean first = true;
    while (m.find()) {
      String name = m.group(1);
      String before = pattern.substring(0, m.start());
      String value;
      if (first) {
        value =
            switch (name) {
              case "token" -> recordingToken;
              default ->
                  before.endsWith("/programmes/")
                      ? outer.programme().toString()
                      : before.endsWith("/sessions/")
                          ? outer.session().toString()
                          : outer.organisation().toString();
            };
        first = false;
      } else if (INNER.contains(name)) {
        value = inner.id();
      } else if ("action".equals(name)) {
        value = action;
      } else if ("role".equals(name)) {
        value = before.contains("/partners/") ? "CO_ORGANISER" : "SPEAKER";
      } else {
        throw new IllegalArgumentException("no value for {" + name + "} in " + pattern);
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String fillBody(String body, Victim v) {
    String b = body;
    for (var e : v.more().entrySet()) {
      b = b.replace("{" + e.getKey() + "}", e.getValue());
    }
    return b;
  }

  /** The answer with the inner object's ids and the page's form tokens taken out. */
  private static String same(String text, Victim v) {
    String t = text.replace(v.id(), "{inner}");
    for (String more : v.more().values()) {
      t = t.replace(more, "{more}");
    }
    return t.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
        .replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "")
        .replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "");
  }
}
