package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.ApiTokenService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's manager names another organisation (ADR 0010, amendment): it is only a proposal —
 * no rights for that organisation's members, no mention on the public page — until an administrator
 * of the named organisation accepts; declining or withdrawing deletes it; the answer to the
 * proposal does not tell whether the organisation exists.
 */
class PartnerConsentIT extends BackOfficeFixture {

  static final String DANA = "dana@centre.example";

  @Autowired ApiTokenService tokens;

  org.lectern.identity.LecternUser dana;

  @BeforeAll
  void centreAdministrator() {
    UUID d = users.create(DANA, "Dana Centre Admin", PASSWORD, false);
    users.grantOrganisationRole(centre, d, "ADMIN");
    dana = users.find(d).orElseThrow();
  }

  @Test
  void aCoOrganiserGetsNothingUntilTheNamedOrganisationsAdministratorAccepts() {
    Programme p = draftProgramme("consent-co");
    WebSession host = signedIn(AIGERIM);
    WebSession member = signedIn(BOLAT);
    WebSession admin = signedIn(DANA);
    Http api = new Http(baseUrl());
    String bolatToken = "Bearer " + tokens.issue(bolat.id(), "test").token();
    String base = "/admin/programmes/" + p.id();
    UUID nowhere = UUID.randomUUID();
    String unknown = "/admin/programmes/" + nowhere;

    var proposed =
        host.post(
            base + "/partners",
            new Form()
                .add("organisationId", centre.toString())
                .add("role", "CO_ORGANISER")
                .add("acknowledgement.ru", "Совместно с правозащитным центром"));
    assertThat(proposed.statusCode()).isEqualTo(302);
    assertThat(host.follow(proposed).body())
        .contains("The organisation is proposed")
        .contains("Awaiting the agreement of Rights Centre");
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(programmes.proposals(p.id()))
        .singleElement()
        .satisfies(pp -> assertThat(pp.role()).isEqualTo(PartnerRole.CO_ORGANISER));

    // The named organisation's members: the programme does not exist for them, exactly as an
    // unknown programme does not, on the web and in the API.
    for (String page : new String[] {"", "/registrations", "/members", "/settings"}) {
      var got = member.get(base + page);
      var none = member.get(unknown + page);
      assertThat(got.statusCode()).as(page).isEqualTo(404);
      assertThat(same(got.body(), p.id())).as(page).isEqualTo(same(none.body(), nowhere));
    }
    var regs =
        api.get("/api/v1/programmes/" + p.id() + "/registrations", "Authorization", bolatToken);
    var noRegs =
        api.get("/api/v1/programmes/" + nowhere + "/registrations", "Authorization", bolatToken);
    assertThat(regs.status()).isEqualTo(404);
    assertThat(same(regs.body(), p.id())).isEqualTo(same(noRegs.body(), nowhere));
    assertThat(member.get("/admin").body()).doesNotContain(p.id().toString());

    // A member of the named organisation who is not its administrator cannot accept: 404, as for
    // a proposal that does not exist, and nothing changes.
    String answer = "/admin/organisations/" + centre + "/partner-proposals";
    assertThat(member.get(answer).statusCode()).isEqualTo(404);
    var byMember =
        member.post(
            answer + "/accept",
            new Form().add("programmeId", p.id().toString()).add("role", "CO_ORGANISER"));
    var noSuch =
        member.post(
            answer + "/accept",
            new Form().add("programmeId", nowhere.toString()).add("role", "CO_ORGANISER"));
    assertThat(byMember.statusCode()).isEqualTo(404);
    assertThat(same(byMember.body(), p.id())).isEqualTo(same(noSuch.body(), nowhere));
    var byMemberApi =
        api.postJson(
            "/api/v1/organisations/"
                + centre
                + "/partner-proposals/"
                + p.id()
                + "/CO_ORGANISER/acceptance",
            Map.of(),
            "Authorization",
            bolatToken);
    assertThat(byMemberApi.status()).isEqualTo(404);
    // The host cannot accept on the named organisation's behalf either.
    assertThat(host.get(answer).statusCode()).isEqualTo(404);
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));

    // Without a valid CSRF token the administrator's answer is refused and changes nothing.
    var forged =
        admin.post(
            answer + "/accept",
            "not-the-token",
            new Form().add("programmeId", p.id().toString()).add("role", "CO_ORGANISER"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));

    // Published, the programme's public page does not name the proposed organisation.
    programmes.publish(aigerim, p.id());
    String publicPage = anonymous().get("/programmes/consent-co").body();
    assertThat(publicPage).doesNotContain("Rights Centre").doesNotContain("правозащитным");

    // The administrator sees the proposal on the organisation's page and accepts it.
    assertThat(admin.get("/admin/organisations/" + centre + "/settings").body()).contains(answer);
    assertThat(admin.get(answer).body())
        .contains("Программа consent-co")
        .contains("Bar Association")
        .contains("Совместно с правозащитным центром");
    var accepted =
        admin.post(
            answer + "/accept",
            new Form().add("programmeId", p.id().toString()).add("role", "CO_ORGANISER"));
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(admin.follow(accepted).body()).contains("No proposal awaits your answer");
    assertThat(programmes.partners(p.id()))
        .anyMatch(
            pp -> pp.organisationId().equals(centre) && pp.role() == PartnerRole.CO_ORGANISER);
    assertThat(programmes.proposals(p.id())).isEmpty();

    assertThat(anonymous().get("/programmes/consent-co").body())
        .contains("Rights Centre")
        .contains("Совместно с правозащитным центром");
    assertThat(member.get(base + "/registrations").statusCode()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/programmes/" + p.id() + "/registrations", "Authorization", bolatToken)
                .status())
        .isEqualTo(200);

    // Accepted already: said clearly, nothing changes.
    String danaToken = "Bearer " + tokens.issue(dana.id(), "test").token();
    var again =
        api.postJson(
            "/api/v1/organisations/"
                + centre
                + "/partner-proposals/"
                + p.id()
                + "/CO_ORGANISER/acceptance",
            Map.of(),
            "Authorization",
            danaToken);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("accepted already");
    assertThat(
            api.delete(
                    "/api/v1/organisations/"
                        + centre
                        + "/partner-proposals/"
                        + p.id()
                        + "/CO_ORGANISER",
                    "Authorization",
                    danaToken)
                .status())
        .as("an accepted partnership is not declined")
        .isEqualTo(409);
    assertThat(programmes.partners(p.id())).anyMatch(pp -> pp.organisationId().equals(centre));

    assertThat(audited("programme.partnerProposed", aigerim.id(), p.id())).isEqualTo(1);
    assertThat(audited("programme.partnerAccepted", dana.id(), p.id())).isEqualTo(1);
  }

  @Test
  void declinedOrWithdrawnTheProposalIsGone() {
    Programme p = draftProgramme("consent-no");
    Http api = new Http(baseUrl());
    String host = "Bearer " + tokens.issue(aigerim.id(), "test").token();
    String admin = "Bearer " + tokens.issue(dana.id(), "test").token();
    String name = "/api/v1/programmes/" + p.id() + "/partners/" + centre + "/PARTNER";
    String answer = "/api/v1/organisations/" + centre + "/partner-proposals";

    var proposed = api.putJson(name, Map.of(), "Authorization", host);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
    assertThat(proposed.json().get("status").asString()).isEqualTo("PROPOSED");
    var listed = api.get("/api/v1/programmes/" + p.id() + "/partners", "Authorization", host);
    assertThat(listed.body()).contains("\"PROPOSED\"").contains(centre.toString());
    var toAnswer = api.get(answer, "Authorization", admin);
    assertThat(toAnswer.status()).isEqualTo(200);
    assertThat(toAnswer.body()).contains(p.id().toString()).contains("PARTNER");
    assertThat(toAnswer.header("X-Total-Count")).isEqualTo("1");

    assertThat(api.delete(answer + "/" + p.id() + "/PARTNER", "Authorization", admin).status())
        .isEqualTo(204);
    assertThat(programmes.proposals(p.id())).isEmpty();
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(api.delete(answer + "/" + p.id() + "/PARTNER", "Authorization", admin).status())
        .isEqualTo(404);

    // Proposed again, then withdrawn by the host: the administrator finds nothing to accept.
    assertThat(api.putJson(name, Map.of(), "Authorization", host).status()).isEqualTo(202);
    assertThat(api.delete(name, "Authorization", host).status()).isEqualTo(204);
    assertThat(programmes.proposals(p.id())).isEmpty();
    assertThat(
            api.postJson(
                    answer + "/" + p.id() + "/PARTNER/acceptance", Map.of(), "Authorization", admin)
                .status())
        .isEqualTo(404);
    assertThat(api.get(answer, "Authorization", admin).body()).isEqualTo("[]");
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));

    assertThat(audited("programme.partnerDeclined", dana.id(), p.id())).isEqualTo(1);
    assertThat(audited("programme.partnerWithdrawn", aigerim.id(), p.id())).isEqualTo(1);
    assertThat(audited("programme.partnerProposed", aigerim.id(), p.id())).isEqualTo(2);
  }

  @Test
  void theAnswerIsTheSameForAnExistingAndAnUnknownOrganisation() {
    Programme p = draftProgramme("consent-same");
    Http api = new Http(baseUrl());
    String host = "Bearer " + tokens.issue(aigerim.id(), "test").token();
    String partners = "/api/v1/programmes/" + p.id() + "/partners/";
    UUID nobody = UUID.randomUUID();
    var texts =
        Map.of(
            "acknowledgement", Map.of("ru", "С благодарностью"),
            "disclaimer", Map.of("kk", "Пікірлер авторларға тиесілі."));

    var existing = api.putJson(partners + centre + "/CO_ORGANISER", texts, "Authorization", host);
    var unknown = api.putJson(partners + nobody + "/CO_ORGANISER", texts, "Authorization", host);
    assertThat(existing.status()).as(existing.body()).isEqualTo(202);
    assertThat(unknown.status()).isEqualTo(existing.status());
    assertThat(unknown.header("Content-Type")).isEqualTo(existing.header("Content-Type"));
    assertThat(unknown.body().replace(nobody.toString(), "ID"))
        .isEqualTo(existing.body().replace(centre.toString(), "ID"));
    // Only the existing one is stored, as a proposal; an unknown id stores nothing.
    assertThat(programmes.proposals(p.id()))
        .singleElement()
        .satisfies(pp -> assertThat(pp.organisationId()).isEqualTo(centre));
    assertThat(
            jdbc.sql("select count(*) from programme_organisation where organisation_id = :o")
                .param("o", nobody)
                .query(Integer.class)
                .single())
        .isZero();

    // Bad input is answered clearly and changes nothing.
    int before = count("programme_organisation");
    var badRole = api.putJson(partners + centre + "/OWNER", Map.of(), "Authorization", host);
    assertThat(badRole.status()).isEqualTo(422);
    assertThat(badRole.body()).contains("role");
    var badId = api.putJson(partners + "not-an-id/PARTNER", Map.of(), "Authorization", host);
    assertThat(badId.status()).isEqualTo(422);
    assertThat(badId.body()).contains("organisationId");
    String other = "Bearer " + tokens.issue(bolat.id(), "test").token();
    assertThat(
            api.putJson(partners + centre + "/PARTNER", Map.of(), "Authorization", other).status())
        .as("a stranger to the programme")
        .isEqualTo(404);
    assertThat(count("programme_organisation")).isEqualTo(before);

    // The programme's own organisation is named at once.
    var own = api.putJson(partners + bar + "/FUNDER", Map.of(), "Authorization", host);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(programmes.partners(p.id()))
        .anyMatch(pp -> pp.organisationId().equals(bar) && pp.role() == PartnerRole.FUNDER);
  }

  /** The page without what differs between any two requests: the id asked for, the CSRF token. */
  private static String same(String body, UUID id) {
    return body.replace(id.toString(), "ID")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private int audited(String action, UUID actor, UUID programme) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = :a and actor_id = :u"
                + " and subject_id = :p")
        .param("a", action)
        .param("u", actor)
        .param("p", programme.toString())
        .query(Integer.class)
        .single();
  }
}
