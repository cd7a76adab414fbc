package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.ApiTokenService;
import org.lectern.notification.MailFixtures;
import org.lectern.notification.OutboxDrain;
import org.lectern.organisation.OrganisationInvitations;
import org.lectern.organisation.OrganisationRole;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Joining an organisation needs the person's consent (ADR 0010, "an invitation is accepted by its
 * person"). Arman administers the bar association; Bolat belongs to the rights centre. Inviting
 * Bolat's address and a new address gives Arman the same answers — page and API, byte for byte but
 * for ids, times and what was typed — the same audit entry and a pending row with the typed name,
 * never Bolat's own. Bolat is no member and sees nothing of the association until he accepts with
 * the link of his mail, signed in as himself; the link works once, not for another account, not
 * after expiry or withdrawal, and a declined invitation leaves nothing.
 */
class OrganisationInvitationIT extends BackOfficeFixture {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);
  static final String ARMAN = "arman@bar.example";
  static final Pattern LINK = Pattern.compile("/admin/invitations/([A-Za-z0-9_-]{20,})");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired ApiTokenService tokens;
  @Autowired OutboxDrain outbox;
  @Autowired OrganisationInvitations invitations;

  UUID arman;

  @BeforeAll
  void barAdministrator() {
    arman = users.create(ARMAN, "Arman Bar Admin", PASSWORD, false);
    users.grantOrganisationRole(bar, arman, "ADMIN");
    jdbc.sql("update app_user set language = 'kk' where id = :id").param("id", bolat.id()).update();
  }

  @org.junit.jupiter.api.BeforeEach
  void noInvitationsLeft() {
    withdrawAll();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void anAddressWithAnAccountAndANewOneGetTheSameAnswerOnThePage() {
    WebSession admin = signedIn(ARMAN);
    String page = "/admin/organisations/" + bar + "/members";
    String fresh = fresh("page");
    int auditBefore = invitedEntries();
    var existing =
        admin.post(
            page,
            new Form()
                .add("email", BOLAT)
                .add("fullName", "Typed Person")
                .add("role", "MEMBER")
                .add("language", "ru"));
    var created =
        admin.post(
            page,
            new Form()
                .add("email", fresh)
                .add("fullName", "Typed Person")
                .add("role", "MEMBER")
                .add("language", "ru"));
    assertThat(existing.statusCode()).isEqualTo(302);
    assertThat(created.statusCode()).isEqualTo(existing.statusCode());
    assertThat(created.headers().firstValue("Location"))
        .isEqualTo(existing.headers().firstValue("Location"));
    assertThat(created.body()).isEqualTo(existing.body());
    // The note after the redirect names the typed address only.
    String noteExisting = flash(admin.follow(existing).body(), BOLAT);
    assertThat(noteExisting).isNotEmpty();

    String list = admin.get(page).body();
    assertThat(list).doesNotContain("Bolat Organiser");
    String rowExisting = row(list, BOLAT);
    String rowCreated = row(list, fresh);
    assertThat(rowExisting).contains("Typed Person");
    assertThat(normalise(rowExisting, BOLAT)).isEqualTo(normalise(rowCreated, fresh));
    // The same audit entry in the association's log, twice; neither person is a member.
    assertThat(invitedEntries()).isEqualTo(auditBefore + 2);
    assertThat(
            jdbc.sql(
                    "select count(distinct actor_id::text || action || coalesce(details, ''))"
                        + " from audit_entry where organisation_id = :o and subject_id in"
                        + " (select id::text from organisation_invitation where organisation_id = :o)")
                .param("o", bar)
                .query(Integer.class)
                .single())
        .isOne();
    // What was typed is sealed at rest, as the accounts' own addresses and names.
    assertThat(
            jdbc.sql(
                    "select count(*) from organisation_invitation where organisation_id = :o and"
                        + " (position(convert_to('Typed Person', 'UTF8') in full_name) > 0"
                        + " or position(convert_to(:a, 'UTF8') in email) > 0)")
                .param("o", bar)
                .param("a", BOLAT)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(membership(bar, bolat.id())).isZero();
    assertThat(membership(bar, users.findByEmail(fresh).orElseThrow().id())).isZero();

    // Nor does a programme's members page tell them apart: the new address's account belongs to
    // no organisation yet, but it is no "account of no organisation" anyone may name.
    WebSession manager = signedIn(AIGERIM);
    String programme = "/admin/programmes/" + draftProgramme("invited-grant").id() + "/members";
    var grantExisting =
        manager.post(programme, new Form().add("email", BOLAT).add("role", "FUNDER"));
    var grantCreated =
        manager.post(programme, new Form().add("email", fresh).add("role", "FUNDER"));
    assertThat(grantExisting.statusCode()).isEqualTo(422);
    assertThat(grantCreated.statusCode()).isEqualTo(422);
    assertThat(normalise(grantCreated.body(), fresh))
        .isEqualTo(normalise(grantExisting.body(), BOLAT));
    withdrawAll();
  }

  @Test
  void anAddressWithAnAccountAndANewOneGetTheSameAnswerInTheApi() {
    Http api = new Http(baseUrl());
    String admin = "Bearer " + tokens.issue(arman, "test").token();
    String members = "/api/v1/organisations/" + bar + "/members";
    String fresh = fresh("api");
    var existing =
        api.postJson(
            members,
            Map.of("email", BOLAT, "fullName", "Typed Person", "role", "ADMIN"),
            "Authorization",
            admin);
    var created =
        api.postJson(
            members,
            Map.of("email", fresh, "fullName", "Typed Person", "role", "ADMIN"),
            "Authorization",
            admin);
    assertThat(existing.status()).as(existing.body()).isEqualTo(201);
    assertThat(created.status()).isEqualTo(201);
    for (String h : List.of("Content-Type", "Cache-Control", "Content-Language")) {
      assertThat(created.header(h)).as(h).isEqualTo(existing.header(h));
    }
    assertThat(normalise(existing.header("Location"), BOLAT))
        .isEqualTo(normalise(created.header("Location"), fresh));
    assertThat(normalise(existing.body(), BOLAT)).isEqualTo(normalise(created.body(), fresh));
    assertThat(existing.body()).contains("Typed Person").doesNotContain("Bolat Organiser");
    String listed =
        api.get("/api/v1/organisations/" + bar + "/invitations", "Authorization", admin).body();
    assertThat(listed).contains(BOLAT).contains(fresh).doesNotContain("Bolat Organiser");
    // Still nobody new among the members, in the API either.
    assertThat(api.get(members, "Authorization", admin).body())
        .doesNotContain(BOLAT)
        .doesNotContain(fresh);
    // Withdrawing: 204, then the id is unknown (404), as is an id of none.
    String id = jsonId(existing.body());
    assertThat(
            api.delete(
                    "/api/v1/organisations/" + bar + "/invitations/" + id, "Authorization", admin)
                .status())
        .isEqualTo(204);
    var again =
        api.delete("/api/v1/organisations/" + bar + "/invitations/" + id, "Authorization", admin);
    var none =
        api.delete(
            "/api/v1/organisations/" + bar + "/invitations/" + UUID.randomUUID(),
            "Authorization",
            admin);
    assertThat(again.status()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
    withdrawAll();
  }

  @Test
  void onlyTheInvitedAccountAcceptsOnceAndTheRoleCountsOnlyThen() throws Exception {
    WebSession admin = signedIn(ARMAN);
    admin.post(
        "/admin/organisations/" + bar + "/members",
        new Form()
            .add("email", BOLAT)
            .add("fullName", "Typed Person")
            .add("role", "ADMIN")
            .add("language", "en"));
    String mail = mailTo(BOLAT);
    // In Bolat's own language (Kazakh), naming the inviting organisation.
    assertThat(mail).contains("Bar Association").contains("ұйым").contains("Әкімші");
    String token = token(mail);

    WebSession bolatWeb = signedIn(BOLAT);
    WebSession other = signedIn(AIGERIM);
    // Before accepting: no member, the invited ADMIN role gives nothing.
    assertThat(bolatWeb.get("/admin/organisations/" + bar + "/members").statusCode())
        .isEqualTo(404);
    assertThat(membership(bar, bolat.id())).isZero();
    // Another account's link is the 404 of no link, on the page and the answers.
    var foreign = other.get("/admin/invitations/" + token);
    var nothing = other.get("/admin/invitations/no-such-link-0000000000");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(normalise(foreign.body(), token))
        .isEqualTo(normalise(nothing.body(), "no-such-link-0000000000"));
    assertThat(other.post("/admin/invitations/" + token + "/accept", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(membership(bar, aigerim.id())).isOne();
    assertThat(role(bar, aigerim.id())).isEqualTo("MEMBER");

    var shown = bolatWeb.get("/admin/invitations/" + token);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("Bar Association");
    var accepted = bolatWeb.post("/admin/invitations/" + token + "/accept", new Form());
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(bolatWeb.follow(accepted).body()).contains("Bar Association");
    assertThat(role(bar, bolat.id())).isEqualTo("ADMIN");
    assertThat(bolatWeb.get("/admin/organisations/" + bar + "/members").statusCode())
        .isEqualTo(200);
    assertThat(entries("organisation.member.joined", bolat.id())).isOne();
    // One use.
    assertThat(bolatWeb.post("/admin/invitations/" + token + "/accept", new Form()).statusCode())
        .isEqualTo(404);
    // The members page now lists him with his own name, as a member.
    assertThat(admin.get("/admin/organisations/" + bar + "/members").body())
        .contains("Bolat Organiser");
    jdbc.sql("delete from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", bar)
        .param("u", bolat.id())
        .update();
  }

  @Test
  void aDeclinedExpiredOrWithdrawnInvitationLeavesNoMembership() throws Exception {
    WebSession admin = signedIn(ARMAN);
    WebSession bolatWeb = signedIn(BOLAT);
    String page = "/admin/organisations/" + bar + "/members";
    Form invite =
        new Form()
            .add("email", BOLAT)
            .add("fullName", "Typed Person")
            .add("role", "MEMBER")
            .add("language", "en");

    admin.post(page, invite);
    String declined = token(mailTo(BOLAT));
    assertThat(
            bolatWeb.post("/admin/invitations/" + declined + "/decline", new Form()).statusCode())
        .isEqualTo(302);
    assertThat(entries("organisation.invitation.declined", bolat.id())).isOne();
    assertThat(pending()).isZero();
    assertThat(bolatWeb.post("/admin/invitations/" + declined + "/accept", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(membership(bar, bolat.id())).isZero();

    admin.post(page, invite);
    String expired = token(mailTo(BOLAT));
    jdbc.sql("update organisation_invitation set expires_at = now() - interval '1 minute'")
        .update();
    assertThat(bolatWeb.get("/admin/invitations/" + expired).statusCode()).isEqualTo(404);
    assertThat(bolatWeb.post("/admin/invitations/" + expired + "/accept", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(admin.get(page).body()).doesNotContain("Typed Person");
    assertThat(membership(bar, bolat.id())).isZero();

    // Invited again: the same row, a new link; the expired one stays dead.
    admin.post(page, invite);
    String withdrawn = token(mailTo(BOLAT));
    assertThat(withdrawn).isNotEqualTo(expired);
    assertThat(pending()).isOne();
    var invitation = invitations.pending(users.find(arman).orElseThrow(), bar).get(0);
    var withdraw =
        admin.post(
            "/admin/organisations/" + bar + "/invitations/" + invitation.id() + "/withdraw",
            new Form());
    assertThat(withdraw.statusCode()).isEqualTo(302);
    assertThat(pending()).isZero();
    assertThat(bolatWeb.get("/admin/invitations/" + withdrawn).statusCode()).isEqualTo(404);
    assertThat(
            bolatWeb.post("/admin/invitations/" + withdrawn + "/accept", new Form()).statusCode())
        .isEqualTo(404);
    assertThat(membership(bar, bolat.id())).isZero();
    assertThat(entries("organisation.invitation.withdrawn", null)).isPositive();
  }

  @Test
  void invitingAgainAndAtOnceMakesOneInvitationAndOneAccount() throws Exception {
    var actor = users.find(arman).orElseThrow();
    String fresh = fresh("twice");
    int threads = 4;
    var ready = new CountDownLatch(threads);
    var go = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(threads);
    List<Future<UUID>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return invitations
                    .invite(actor, bar, fresh, "Typed Twice", OrganisationRole.MEMBER, "en")
                    .id();
              }));
    }
    ready.await();
    go.countDown();
    var ids = new java.util.HashSet<UUID>();
    for (var r : results) {
      ids.add(r.get());
    }
    pool.shutdown();
    // Every call succeeded and answered the one invitation; one account was made.
    assertThat(ids).hasSize(1);
    UUID account = users.findByEmail(fresh).orElseThrow().id();
    assertThat(
            jdbc.sql("select count(*) from organisation_invitation where user_id = :u")
                .param("u", account)
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(pending()).isOne();
    invitations.invite(actor, bar, fresh, "Typed Twice", OrganisationRole.MEMBER, "en");
    assertThat(pending()).isOne();
    withdrawAll();
  }

  private String fresh(String label) {
    return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@new.example";
  }

  private void withdrawAll() {
    jdbc.sql("delete from organisation_invitation where organisation_id = :o")
        .param("o", bar)
        .update();
  }

  private int pending() {
    return jdbc.sql("select count(*) from organisation_invitation where organisation_id = :o")
        .param("o", bar)
        .query(Integer.class)
        .single();
  }

  private int invitedEntries() {
    return entries("organisation.member.invited", null);
  }

  private int entries(String action, UUID actor) {
    return jdbc.sql(
            "select count(*) from audit_entry where organisation_id = :o and action = :a"
                + " and (cast(:u as uuid) is null or actor_id = cast(:u as uuid))")
        .param("o", bar)
        .param("a", action)
        .param("u", actor)
        .query(Integer.class)
        .single();
  }

  private int membership(UUID organisation, UUID user) {
    return jdbc.sql(
            "select count(*) from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", organisation)
        .param("u", user)
        .query(Integer.class)
        .single();
  }

  private String role(UUID organisation, UUID user) {
    return jdbc.sql(
            "select role from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", organisation)
        .param("u", user)
        .query(String.class)
        .single();
  }

  /** The text of the newest invitation mail to the address, once sent. */
  private String mailTo(String address) throws Exception {
    int before = receivedInvitations(address);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              outbox.sendDue();
              return receivedInvitations(address) > before;
            });
    var mails =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> MailFixtures.recipientIs(m, address))
            .toList();
    return MailFixtures.part(mails.get(mails.size() - 1), "text/plain");
  }

  private int receivedInvitations(String address) throws Exception {
    int n = 0;
    for (var m : smtp.getReceivedMessages()) {
      if (MailFixtures.recipientIs(m, address)
          && LINK.matcher(MailFixtures.part(m, "text/plain")).find()) {
        n++;
      }
    }
    return n;
  }

  private static String token(String mail) {
    Matcher m = LINK.matcher(mail);
    assertThat(m.find()).as(mail).isTrue();
    return m.group(1);
  }

  private static String jsonId(String body) {
    Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  /** What the inviter typed, ids and times replaced; the form token removed. */
  private static String normalise(String text, String address) {
    return text.replace(address, "ADDRESS")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "TIME")
        .replaceAll("\\(until [^)]*\\)", "(until TIME)")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  /** The table row that shows this address. */
  private static String row(String page, String address) {
    int at = page.indexOf(address);
    assertThat(at).as(address).isPositive();
    int start = page.lastIndexOf("<tr>", at);
    int end = page.indexOf("</tr>", at);
    return page.substring(start, end);
  }

  private static String flash(String page, String address) {
    return page.contains(address) ? address : "";
  }
}
