package org.lectern.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.SpeakerAccounts;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.lectern.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * The world the matrix runs in, built through the services and the API (no demo data): organisation
 * A with a published programme (session, speaker, registrations, a question, a certificate), a
 * second programme of A, another organisation B, and a foreign organisation F whose programme is a
 * draft nobody of the roles may see. One person per role, each signed in on the web and holding an
 * API token.
 */
final class MatrixWorld {

  static final String PASSWORD = "correct horse battery";

  /** The roles, in the column order of the table. */
  static final List<String> ROLES =
      List.of(
          "anonymous",
          "delegate",
          "door",
          "speaker",
          "funder",
          "otherProgrammeOrganiser",
          "otherOrganisationMember",
          "organiser",
          "organisationAdmin",
          "platformAdmin");

  /** The objects a route's path variables name: the roles' own, or a foreign organisation's. */
  record Objects(
      UUID organisation,
      String organisationSlug,
      UUID programme,
      String programmeSlug,
      UUID session,
      UUID speaker,
      UUID registration,
      UUID delegateRegistration,
      UUID erasableRegistration,
      UUID user,
      UUID token,
      UUID question,
      String certificate) {}

  final Map<String, Caller> callers = new LinkedHashMap<>();
  Objects own;
  Objects foreign;
  final List<UUID> people = new java.util.ArrayList<>();
  final List<UUID> organisations = new java.util.ArrayList<>();
  final List<UUID> programmes = new java.util.ArrayList<>();
  final List<UUID> tokens = new java.util.ArrayList<>();

  private final String base;
  private final JdbcClient jdbc;
  private final UserService users;
  private final OrganisationService organisationService;
  private final ProgrammeService programmeService;
  private final SpeakerService speakers;
  private final SpeakerAccounts speakerAccounts;
  private final ApiTokenService apiTokens;
  private final CertificateService certificates;
  private final OneTimeTokenService signInTokens;
  private final PersonalDataCipher cipher;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final Http http;

  MatrixWorld(
      String base,
      JdbcClient jdbc,
      UserService users,
      OrganisationService organisationService,
      ProgrammeService programmeService,
      SpeakerService speakers,
      SpeakerAccounts speakerAccounts,
      ApiTokenService apiTokens,
      CertificateService certificates,
      OneTimeTokenService signInTokens,
      PersonalDataCipher cipher) {
    this.base = base;
    this.jdbc = jdbc;
    this.users = users;
    this.organisationService = organisationService;
    this.programmeService = programmeService;
    this.speakers = speakers;
    this.speakerAccounts = speakerAccounts;
    this.apiTokens = apiTokens;
    this.certificates = certificates;
    this.signInTokens = signInTokens;
    this.cipher = cipher;
    this.http = new Http(base);
  }

  MatrixWorld build() {
    UUID orgA = organisation("own");
    UUID orgB = organisation("other");
    UUID orgF = organisation("foreign");

    LecternUser organiser = person("organiser", orgA, "ORGANISER");
    LecternUser orgAdmin = person("organisationAdmin", orgA, "ADMIN");
    LecternUser otherMember = person("otherOrganisationMember", orgB, "ORGANISER");
    LecternUser foreignOrganiser = person("foreignOrganiser", orgF, "ORGANISER");
    LecternUser victim = person("victim", orgA, "ORGANISER");
    LecternUser foreignVictim = person("foreignVictim", orgF, "ORGANISER");
    LecternUser door = person("door", null, null);
    LecternUser speaker = person("speaker", null, null);
    LecternUser funder = person("funder", null, null);
    LecternUser otherProgrammeOrganiser = person("otherProgrammeOrganiser", null, null);
    UUID admin = users.create(email("platformAdmin"), "Platform Admin", PASSWORD, true);
    people.add(admin);

    String organiserToken = token(organiser.id());
    String foreignToken = token(foreignOrganiser.id());
    own = objects(orgA, organiser, organiserToken, victim, true);
    foreign = objects(orgF, foreignOrganiser, foreignToken, foreignVictim, false);
    UUID second = programme(organiserToken, orgA, "second", false);

    programmeService.grant(organiser, own.programme(), door.id(), ProgrammeRole.DOOR);
    programmeService.grant(organiser, own.programme(), speaker.id(), ProgrammeRole.SPEAKER);
    programmeService.grant(organiser, own.programme(), funder.id(), ProgrammeRole.FUNDER);
    programmeService.grant(
        organiser, second, otherProgrammeOrganiser.id(), ProgrammeRole.ORGANISER);
    // The victim holds a role to revoke on each programme (routes that end a membership).
    programmeService.grant(organiser, own.programme(), victim.id(), ProgrammeRole.SPEAKER);
    programmeService.grant(
        foreignOrganiser, foreign.programme(), foreignVictim.id(), ProgrammeRole.SPEAKER);
    speakerAccounts.invite(organiser, own.speaker(), speaker.email(), "en");
    speakerAccounts.invite(foreignOrganiser, foreign.speaker(), foreignVictim.email(), "en");

    callers.put("anonymous", new Caller("anonymous", base).refreshCsrf("/login"));
    String delegateEmail = delegateEmail(own.delegateRegistration());
    var link =
        signInTokens.generate(new GenerateOneTimeTokenRequest(cipher.emailIndex(delegateEmail)));
    Caller delegate = new Caller("delegate", base).signInDelegate(link.getTokenValue());
    // A registered delegate enters the live room (and holds its room pass from then on).
    var joined = delegate.web("POST", "/sessions/" + own.session() + "/live/join", null);
    assertThat(joined.status()).as("the delegate joins the live room").isEqualTo(302);
    callers.put("delegate", delegate);
    signedIn("door", door.email(), door.id());
    signedIn("speaker", speaker.email(), speaker.id());
    signedIn("funder", funder.email(), funder.id());
    signedIn(
        "otherProgrammeOrganiser", otherProgrammeOrganiser.email(), otherProgrammeOrganiser.id());
    signedIn("otherOrganisationMember", otherMember.email(), otherMember.id());
    signedIn("organiser", organiser.email(), organiser.id());
    signedIn("organisationAdmin", orgAdmin.email(), orgAdmin.id());
    signedIn("platformAdmin", email("platformAdmin"), admin);
    return this;
  }

  private void signedIn(String role, String email, UUID id) {
    Caller c = new Caller(role, base).signIn(email, PASSWORD);
    var issued = apiTokens.issue(id, "matrix");
    tokens.add(issued.id());
    c.apiToken = issued.token();
    callers.put(role, c);
  }

  private Objects objects(
      UUID org, LecternUser organiser, String token, LecternUser victim, boolean published) {
    UUID programme = programme(token, org, published ? "own" : "foreign", true);
    String slug =
        jdbc.sql("select slug from programme where id = :id")
            .param("id", programme)
            .query(String.class)
            .single();
    var s =
        http.postJson(
            "/api/v1/programmes/" + programme + "/sessions",
            map(
                "title",
                "Opening",
                "startsAt",
                java.time.Instant.now().plusSeconds(1800).toString(),
                "endsAt",
                java.time.Instant.now().plusSeconds(9000).toString(),
                "mode",
                "HYBRID"),
            "Authorization",
            "Bearer " + token);
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    UUID session = UUID.fromString(s.json().get("id").asString());
    UUID speaker =
        speakers
            .create(
                organiser,
                org,
                new SpeakerInput(
                    "Speaker " + suffix, LocalizedText.of("en", "Bio"), null, published))
            .id();
    UUID registration = register(token, programme, "registered");
    UUID delegate = register(token, programme, "delegate");
    UUID erasable = register(token, programme, "erasable");
    UUID question = UUID.randomUUID();
    jdbc.sql(
            "insert into registration_question (id, programme_id, kind, label, required) values"
                + " (:id, :p, 'YES_NO', '{\"en\":\"Attended before?\"}', false)")
        .param("id", question)
        .param("p", programme)
        .update();
    certificates.override(organiser, programme, registration, "attended in the room");
    certificates.issueAll(organiser, programme);
    String code =
        jdbc.sql("select code from certificate where registration_id = :r")
            .param("r", registration)
            .query(String.class)
            .optional()
            .orElse("AAAABBBBCCCCDDDDEEEE");
    UUID victimToken = apiTokens.issue(victim.id(), "victim").id();
    tokens.add(victimToken);
    if (!published) {
      programmeService.unpublish(organiser, programme);
    }
    String orgSlug =
        jdbc.sql("select slug from organisation where id = :id")
            .param("id", org)
            .query(String.class)
            .single();
    return new Objects(
        org,
        orgSlug,
        programme,
        slug,
        session,
        speaker,
        registration,
        delegate,
        erasable,
        victim.id(),
        victimToken,
        question,
        code);
  }

  private UUID programme(String token, UUID org, String label, boolean publish) {
    var p =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                "matrix-" + label + "-" + suffix,
                "title",
                map("en", "Matrix " + label),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en", "ru"),
                "capacity",
                100,
                "organisationId",
                org.toString()),
            "Authorization",
            "Bearer " + token);
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    UUID id = UUID.fromString(p.json().get("id").asString());
    programmes.add(id);
    if (publish) {
      var pub =
          http.patchJson(
              "/api/v1/programmes/" + id,
              map("status", "PUBLISHED"),
              "Authorization",
              "Bearer " + token);
      assertThat(pub.status()).as(pub.body()).isEqualTo(200);
    }
    return id;
  }

  private UUID register(String token, UUID programme, String label) {
    var r =
        http.postJson(
            "/api/v1/programmes/" + programme + "/registrations",
            map(
                "email",
                label + "-" + suffix + "-" + programme.toString().substring(0, 4) + "@example.org",
                "fullName",
                "Delegate " + label),
            "Authorization",
            "Bearer " + token);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return UUID.fromString(r.json().get("id").asString());
  }

  private String delegateEmail(UUID registration) {
    return "delegate-"
        + suffix
        + "-"
        + jdbc.sql("select programme_id from registration where id = :id")
            .param("id", registration)
            .query(UUID.class)
            .single()
            .toString()
            .substring(0, 4)
        + "@example.org";
  }

  private UUID organisation(String label) {
    UUID id =
        organisationService
            .create(
                "matrix-" + label + "-" + suffix,
                LocalizedText.of("en", "Matrix " + label),
                "https://example.org")
            .id();
    organisations.add(id);
    return id;
  }

  private LecternUser person(String role, UUID org, String orgRole) {
    UUID id = users.create(email(role), "Person " + role, PASSWORD, false);
    if (org != null) {
      users.grantOrganisationRole(org, id, orgRole);
    }
    people.add(id);
    return users.find(id).orElseThrow();
  }

  private String token(UUID user) {
    var issued = apiTokens.issue(user, "matrix-setup");
    tokens.add(issued.id());
    return issued.token();
  }

  private String email(String role) {
    return role.toLowerCase(java.util.Locale.ROOT) + "-" + suffix + "@example.org";
  }
}
