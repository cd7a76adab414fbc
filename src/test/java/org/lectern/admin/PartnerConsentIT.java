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
  @Autowired org.lectern.programme.ProgrammePartners partnersService;

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
                .add("organisation", "centre")
                .add("role", "CO_ORGANISER")
                .add("acknowledgement.ru", "Совместно с правозащитным центром"));
    assertThat(proposed.statusCode()).isEqualTo(302);
    assertThat(host.follow(proposed).body())
        .contains("The proposal is sent, if an organisation with this address name exists")
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

  @Test
  void theSettingsPageNamesAnOrganisationByItsAddressNameAndListsNoOthers() {
    Programme p = draftProgramme("consent-slug");
    WebSession host = signedIn(AIGERIM);
    String settings = "/admin/programmes/" + p.id() + "/settings";
    String form = "/admin/programmes/" + p.id() + "/partners";
    var page = host.get(settings);
    assertThat(page.statusCode()).isEqualTo(200);
    // No list of the installation's organisations: neither the centre's name nor its id.
    assertThat(page.body())
        .doesNotContain("Rights Centre")
        .doesNotContain(centre.toString())
        .doesNotContainPattern("<select[^>]*name=\"organisationId\"")
        .contains("name=\"organisation\"");

    int audit = count("audit_entry");
    var known = host.post(form, new Form().add("organisation", "centre").add("role", "PARTNER"));
    var unknown =
        host.post(form, new Form().add("organisation", "no-such-centre").add("role", "PARTNER"));
    assertThat(known.statusCode()).isEqualTo(302);
    assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
    assertThat(unknown.headers().firstValue("Location"))
        .isEqualTo(known.headers().firstValue("Location"));
    assertThat(unknown.body()).isEqualTo(known.body());
    // Both audited alike; only the existing one is stored, as a proposal.
    assertThat(count("audit_entry")).isEqualTo(audit + 2);
    assertThat(programmes.proposals(p.id()))
        .singleElement()
        .satisfies(pp -> assertThat(pp.organisationId()).isEqualTo(centre));
    assertThat(host.follow(unknown).body())
        .contains("The proposal is sent, if an organisation with this address name exists");

    // Bad input is answered clearly (422 naming the field) and changes nothing.
    int rows = count("programme_organisation");
    var empty = host.post(form, new Form().add("organisation", "").add("role", "PARTNER"));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("aria-invalid=\"true\"");
    var malformed =
        host.post(form, new Form().add("organisation", "Not a slug!").add("role", "PARTNER"));
    assertThat(malformed.statusCode()).isEqualTo(422);
    var badRole = host.post(form, new Form().add("organisation", "centre").add("role", "OWNER"));
    assertThat(badRole.statusCode()).isEqualTo(422);
    assertThat(count("programme_organisation")).isEqualTo(rows);
    // Typed in capitals, the address name still finds the organisation.
    var capitals =
        host.post(form, new Form().add("organisation", " Centre ").add("role", "FUNDER"));
    assertThat(capitals.statusCode()).isEqualTo(302);
    assertThat(programmes.proposals(p.id())).hasSize(2);
    // Withdrawn again: the centre's page lists no proposal for the other tests.
    partnersService.removePartner(aigerim, p.id(), centre, PartnerRole.PARTNER);
    partnersService.removePartner(aigerim, p.id(), centre, PartnerRole.FUNDER);
    assertThat(programmes.proposals(p.id())).isEmpty();
  }

  @Test
  void anAcceptedPartnerLeavesAndChangedTextsAwaitItsAgreementAgain() {
    Programme p = draftProgramme("consent-leave");
    Http api = new Http(baseUrl());
    String host = "Bearer " + tokens.issue(aigerim.id(), "test").token();
    String admin = "Bearer " + tokens.issue(dana.id(), "test").token();
    String member = "Bearer " + tokens.issue(bolat.id(), "test").token();
    String named = "/api/v1/programmes/" + p.id() + "/partners/" + centre;
    String answer = "/api/v1/organisations/" + centre + "/partner-proposals";
    var texts = Map.of("acknowledgement", Map.of("ru", "Совместно с центром"));
    assertThat(api.putJson(named + "/CO_ORGANISER", texts, "Authorization", host).status())
        .isEqualTo(202);
    partnersService.acceptProposal(dana, centre, p.id(), PartnerRole.CO_ORGANISER);
    assertThat(
            api.get("/api/v1/programmes/" + p.id() + "/registrations", "Authorization", member)
                .status())
        .isEqualTo(200);

    // The same texts again keep the agreement; changed texts await it again (no rights meanwhile).
    var same = api.putJson(named + "/CO_ORGANISER", texts, "Authorization", host);
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().get("status").asString()).isEqualTo("ACCEPTED");
    var changed =
        api.putJson(
            named + "/CO_ORGANISER",
            Map.of("acknowledgement", Map.of("ru", "Центр одобрил всё это")),
            "Authorization",
            host);
    assertThat(changed.status()).isEqualTo(202);
    assertThat(changed.json().get("status").asString()).isEqualTo("PROPOSED");
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(
            api.get("/api/v1/programmes/" + p.id() + "/registrations", "Authorization", member)
                .status())
        .isEqualTo(404);
    assertThat(api.get(answer, "Authorization", admin).body()).contains("Центр одобрил всё это");
    partnersService.acceptProposal(dana, centre, p.id(), PartnerRole.CO_ORGANISER);

    // Listed to the named organisation's administrator as a programme naming it.
    var accepted = api.get(answer + "?status=ACCEPTED", "Authorization", admin);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body()).contains(p.id().toString()).contains("\"status\":\"ACCEPTED\"");
    assertThat(api.get(answer + "?status=OTHER", "Authorization", admin).status()).isEqualTo(422);
    assertThat(api.get(answer + "?status=ACCEPTED", "Authorization", member).status())
        .isEqualTo(404);

    // The administrator withdraws the organisation's name on the page: gone for the host, and
    // the members lose the programme at once. Its member (not an administrator) cannot.
    WebSession web = signedIn(DANA);
    String page = "/admin/organisations/" + centre + "/partner-proposals";
    var shown = web.get(page);
    assertThat(shown.body()).contains("Withdraw our name");
    var byMember =
        signedIn(BOLAT)
            .post(
                page + "/decline",
                new Form().add("programmeId", p.id().toString()).add("role", "CO_ORGANISER"));
    assertThat(byMember.statusCode()).isEqualTo(404);
    assertThat(programmes.partners(p.id())).anyMatch(pp -> pp.organisationId().equals(centre));
    var left =
        web.post(
            page + "/decline",
            new Form().add("programmeId", p.id().toString()).add("role", "CO_ORGANISER"));
    assertThat(left.statusCode()).isEqualTo(302);
    assertThat(web.follow(left).body())
        .contains("Withdrawn: your organisation is no longer named on the programme.");
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(programmes.proposals(p.id())).isEmpty();
    assertThat(
            api.get("/api/v1/programmes/" + p.id() + "/registrations", "Authorization", member)
                .status())
        .isEqualTo(404);
    assertThat(signedIn(AIGERIM).get("/admin/programmes/" + p.id() + "/settings").body())
        .doesNotContain("Rights Centre");
    assertThat(auditedIn("programme.partnerLeft", centre, p.id())).isEqualTo(1);
    assertThat(auditedIn("programme.partnerLeft", bar, p.id())).isEqualTo(1);

    // Through the API: an accepted partner leaves with DELETE (204), then there is nothing (404).
    assertThat(api.putJson(named + "/PARTNER", Map.of(), "Authorization", host).status())
        .isEqualTo(202);
    partnersService.acceptProposal(dana, centre, p.id(), PartnerRole.PARTNER);
    assertThat(api.delete(answer + "/" + p.id() + "/PARTNER", "Authorization", member).status())
        .isEqualTo(404);
    assertThat(api.delete(answer + "/" + p.id() + "/PARTNER", "Authorization", admin).status())
        .isEqualTo(204);
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(api.delete(answer + "/" + p.id() + "/PARTNER", "Authorization", admin).status())
        .isEqualTo(404);
    assertThat(auditedIn("programme.partnerLeft", bar, p.id())).isEqualTo(2);
  }

  private int auditedIn(String action, UUID log, UUID programme) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = :a and organisation_id = :o"
                + " and subject_id = :p")
        .param("a", action)
        .param("o", log)
        .param("p", programme.toString())
        .query(Integer.class)
        .single();
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
