package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationMembers;
import org.lectern.organisation.OrganisationRole;
import org.lectern.organisation.OrganisationService;
import org.lectern.organisation.OrganisationSettings;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organisation pages for each kind of person: its ADMIN, a MEMBER, someone of another
 * organisation; the last ADMIN on the members page; a new programme when one has several.
 */
class OrganisationPagesIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired OrganisationMembers members;

  final String suffix = UUID.randomUUID().toString().substring(0, 6);
  LecternUser root;
  Organisation first;
  Organisation second;

  @BeforeAll
  void setUp() {
    root = users.find(users.create(email("root"), "Root", Fixtures.PASSWORD, true)).orElseThrow();
    first = organisations.create(root, "first-" + suffix, settings("First Bar Committee"));
    second = organisations.create(root, "second-" + suffix, settings("Second Research Centre"));
    UUID member = users.create(email("member"), "Mira Member", Fixtures.PASSWORD, false);
    members.add(root, first.id(), member, OrganisationRole.MEMBER);
    UUID outsider = users.create(email("outsider"), "Oleg Outsider", Fixtures.PASSWORD, false);
    members.add(root, second.id(), outsider, OrganisationRole.ADMIN);
  }

  static OrganisationSettings settings(String name) {
    return OrganisationSettings.validate(
        LocalizedText.of("en", name),
        null,
        null,
        List.of("KZ-75", "KZ-71"),
        null,
        null,
        c -> true,
        new InvalidInputException.Collector());
  }

  String email(String label) {
    return label + "-" + suffix + "@example.org";
  }

  WebSession as(String label) {
    return new WebSession(baseUrl()).signIn(email(label), Fixtures.PASSWORD);
  }

  String settingsPath(Organisation o) {
    return "/admin/organisations/" + o.id() + "/settings";
  }

  @Test
  void aMemberMayNotChangeSettingsAndOthersDoNotSeeTheOrganisation() {
    var member = as("member");
    assertThat(member.get(settingsPath(first)).statusCode()).isEqualTo(403);
    var post =
        member.post(
            settingsPath(first), new Form().add("name.en", "Hijacked").add("mainCentres", "KZ-75"));
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(organisations.find(first.id()).orElseThrow().name().get("en"))
        .isEqualTo("First Bar Committee");
    assertThat(member.get("/admin/organisations/" + first.id() + "/members").statusCode())
        .isEqualTo(403);

    var outsider = as("outsider");
    // Signing in through the web form is remembered for the members pages.
    assertThat(
            jdbc.sql("select last_sign_in_at from app_user where id = :u")
                .param("u", users.findByEmail(email("outsider")).orElseThrow().id())
                .query(java.sql.Timestamp.class)
                .single())
        .isNotNull();
    assertThat(outsider.get(settingsPath(first)).statusCode()).isEqualTo(404);
    assertThat(outsider.get("/admin/organisations/" + first.id() + "/members").statusCode())
        .isEqualTo(404);
    assertThat(outsider.get("/admin/organisations").body())
        .contains("Second Research Centre")
        .doesNotContain("First Bar Committee");
  }

  @Test
  void theLastAdminCannotBeRemovedOrDemotedAndThePageSaysWhy() {
    var admin = as("root").language("ru");
    String base = "/admin/organisations/" + first.id() + "/members/" + root.id();
    var remove = admin.post(base + "/remove", new Form());
    assertThat(remove.statusCode()).isEqualTo(409);
    assertThat(remove.body()).contains("хотя бы один администратор");
    var demote = admin.post(base + "/role", new Form().add("role", "MEMBER"));
    assertThat(demote.statusCode()).isEqualTo(409);
    assertThat(members.list(root, first.id()))
        .anySatisfy(
            m -> {
              assertThat(m.userId()).isEqualTo(root.id());
              assertThat(m.role()).isEqualTo(OrganisationRole.ADMIN);
            });
  }

  @Test
  void anAdminInvitesByEmailAndSettingsAreSaved() {
    var admin = as("root");
    var invite =
        admin.post(
            "/admin/organisations/" + first.id() + "/members",
            new Form()
                .add("email", email("invited"))
                .add("fullName", "Ina Invited")
                .add("role", "ADMIN")
                .add("language", "kk"));
    assertThat(invite.statusCode()).isEqualTo(302);
    assertThat(admin.follow(invite).body()).contains("Ina Invited");

    var bad =
        admin.post(
            settingsPath(first),
            new Form()
                .add("name.en", "First Bar Committee")
                .add("website", "ftp://files.example")
                .add("mainCentres", "KZ-75"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"website-error\"");
    var saved =
        admin.post(
            settingsPath(first),
            new Form()
                .add("name.en", "First Bar Committee")
                .add("name.kk", "Бірінші адвокаттар комитеті")
                .add("website", "https://bar.example.kz")
                .add("mainCentres", "KZ-75")
                .add("certificateSigner", "First Bar Committee of Almaty"));
    assertThat(saved.statusCode()).isEqualTo(302);
    var o = organisations.find(first.id()).orElseThrow();
    assertThat(o.name().get("kk")).isEqualTo("Бірінші адвокаттар комитеті");
    assertThat(o.mainCentres()).containsExactly("KZ-75");
    assertThat(o.certificateSigner()).isEqualTo("First Bar Committee of Almaty");
  }

  @Test
  void withSeveralOrganisationsTheNewProgrammeFormAsksWhichOne() {
    var admin = as("root");
    var form = admin.get("/admin/programmes/new");
    assertThat(form.body()).contains("<option value=\"\">Choose the organisation</option>");
    int before = jdbc.sql("select count(*) from programme").query(Integer.class).single();
    var refused =
        admin.post(
            "/admin/programmes",
            new Form()
                .add("slug", "several-" + suffix)
                .add("languages", "en")
                .add("mainLanguage", "en")
                .add("timeZone", "Asia/Almaty")
                .add("title.en", "Which organisation?"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"organisationId-error\"")
        .contains("First Bar Committee")
        .contains("Second Research Centre");
    assertThat(jdbc.sql("select count(*) from programme").query(Integer.class).single())
        .isEqualTo(before);
  }
}
