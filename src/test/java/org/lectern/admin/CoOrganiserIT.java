package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartners;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner organisation that co-organises a programme: its members manage that programme, in the
 * back office and through the API, and nothing else of the host organisation.
 */
class CoOrganiserIT extends BackOfficeFixture {

  @Autowired ApiTokenService tokens;
  @Autowired ProgrammePartners partners;

  /** The centre's administrator, who agrees to the centre co-organising (ADR 0010, amendment). */
  LecternUser centreAdmin;

  @BeforeAll
  void centreAdministrator() {
    UUID d = users.create("admin@centre.example", "Centre Admin", PASSWORD, false);
    users.grantOrganisationRole(centre, d, "ADMIN");
    centreAdmin = users.find(d).orElseThrow();
  }

  @Test
  void partnersAreNamedThroughTheApi() {
    Programme p = draftProgramme("co-api");
    Http api = new Http(baseUrl());
    String host = "Bearer " + tokens.issue(aigerim.id(), "test").token();
    String partner = "Bearer " + tokens.issue(bolat.id(), "test").token();
    String base = "/api/v1/programmes/" + p.id() + "/partners/" + centre;
    String regs = "/api/v1/programmes/" + p.id() + "/registrations";
    assertThat(api.get(regs, "Authorization", partner).status()).isEqualTo(404);

    var wrong = api.putJson(base + "/OWNER", Map.of(), "Authorization", host);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.putJson(base + "/CO_ORGANISER", Map.of(), "Authorization", partner).status())
        .as("the partner cannot name itself")
        .isEqualTo(404);

    var named =
        api.putJson(
            base + "/CO_ORGANISER",
            Map.of("acknowledgement", Map.of("ru", "Совместно с центром")),
            "Authorization",
            host);
    assertThat(named.status()).as(named.body()).isEqualTo(202);
    assertThat(named.json().get("role").asString()).isEqualTo("CO_ORGANISER");
    assertThat(named.json().get("status").asString()).isEqualTo("PROPOSED");
    assertThat(api.get(regs, "Authorization", partner).status())
        .as("a proposal gives nothing")
        .isEqualTo(404);
    String admin = "Bearer " + tokens.issue(centreAdmin.id(), "test").token();
    var accepted =
        api.postJson(
            "/api/v1/organisations/"
                + centre
                + "/partner-proposals/"
                + p.id()
                + "/CO_ORGANISER/acceptance",
            Map.of(),
            "Authorization",
            admin);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    // The same texts again: idempotent, still accepted (other texts would ask again, ADR 0010).
    assertThat(
            api.putJson(
                    base + "/CO_ORGANISER",
                    Map.of("acknowledgement", Map.of("ru", "Совместно с центром")),
                    "Authorization",
                    host)
                .status())
        .as("idempotent")
        .isEqualTo(200);
    assertThat(api.get(regs, "Authorization", partner).status()).isEqualTo(200);
    var listed = api.get("/api/v1/programmes/" + p.id() + "/partners", "Authorization", partner);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("CO_ORGANISER").contains(centre.toString());

    assertThat(api.delete(base + "/CO_ORGANISER", "Authorization", host).status()).isEqualTo(204);
    assertThat(api.delete(base + "/CO_ORGANISER", "Authorization", host).status()).isEqualTo(404);
    assertThat(api.get(regs, "Authorization", partner).status()).isEqualTo(404);
  }

  @Test
  void membersOfACoOrganisingPartnerManageThatProgrammeOnly() {
    Programme shared = draftProgramme("co-run");
    Programme hostOnly = draftProgramme("host-only");
    WebSession host = signedIn(AIGERIM);
    WebSession partner = signedIn(BOLAT);
    Http api = new Http(baseUrl());
    String token = tokens.issue(bolat.id(), "test").token();
    String base = "/admin/programmes/" + shared.id();

    assertThat(partner.get(base + "/registrations").statusCode())
        .as("before the partnership the draft is not even visible")
        .isEqualTo(404);

    // A mere partner gets nothing.
    var named =
        host.post(
            base + "/partners", new Form().add("organisation", "centre").add("role", "PARTNER"));
    assertThat(named.statusCode()).isEqualTo(302);
    assertThat(partner.get(base + "/registrations").statusCode()).isEqualTo(404);

    var coOrganiser =
        host.post(
            base + "/partners",
            new Form().add("organisation", "centre").add("role", "CO_ORGANISER"));
    assertThat(coOrganiser.statusCode()).isEqualTo(302);
    assertThat(partner.get(base + "/registrations").statusCode())
        .as("proposed, not yet accepted")
        .isEqualTo(404);
    partners.acceptProposal(centreAdmin, centre, shared.id(), PartnerRole.CO_ORGANISER);
    assertThat(programmes.partners(shared.id()))
        .anyMatch(
            pp -> pp.organisationId().equals(centre) && pp.role() == PartnerRole.CO_ORGANISER);

    // The back office: every organiser page of that programme opens.
    for (String page :
        new String[] {
          "",
          "/registrations",
          "/invitations",
          "/attendance",
          "/certificates",
          "/report",
          "/members"
        }) {
      assertThat(partner.get(base + page).statusCode()).as(base + page).isEqualTo(200);
    }
    assertThat(partner.get("/admin").body())
        .contains("/admin/programmes/" + shared.id())
        .doesNotContain("/admin/programmes/" + hostOnly.id());
    var changed =
        api.patchJson(
            "/api/v1/programmes/" + shared.id(),
            Map.of("capacity", 40),
            "Authorization",
            "Bearer " + token);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(programmes.find(shared.id()).orElseThrow().capacity()).isEqualTo(40);
    var regs =
        api.get(
            "/api/v1/programmes/" + shared.id() + "/registrations",
            "Authorization",
            "Bearer " + token);
    assertThat(regs.status()).as(regs.body()).isEqualTo(200);

    // The host's other programme stays out of reach: 404 while a draft, 403 once published.
    String other = "/admin/programmes/" + hostOnly.id();
    assertThat(partner.get(other).statusCode()).isEqualTo(404);
    assertThat(partner.get(other + "/registrations").statusCode()).isEqualTo(404);
    assertThat(
            api.patchJson(
                    "/api/v1/programmes/" + hostOnly.id(),
                    Map.of("capacity", 1),
                    "Authorization",
                    "Bearer " + token)
                .status())
        .isEqualTo(404);
    programmes.publish(aigerim, hostOnly.id());
    assertThat(partner.get(other + "/registrations").statusCode()).isEqualTo(403);
    assertThat(partner.get(other + "/members").statusCode()).isEqualTo(403);
    assertThat(
            api.get(
                    "/api/v1/programmes/" + hostOnly.id() + "/registrations",
                    "Authorization",
                    "Bearer " + token)
                .status())
        .isEqualTo(403);
    var refused =
        api.patchJson(
            "/api/v1/programmes/" + hostOnly.id(),
            Map.of("capacity", 1),
            "Authorization",
            "Bearer " + token);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(programmes.find(hostOnly.id()).orElseThrow().capacity()).isNull();
    assertThat(partner.get("/admin").body())
        .as("a co-organiser creates programmes only in their own organisation")
        .doesNotContain("/admin/programmes/" + hostOnly.id() + "\"");

    // The members page says who manages the programme through the partner.
    String members = host.get(base + "/members").body();
    assertThat(members)
        .contains("Bolat Organiser")
        .contains("via partner")
        .contains("Rights Centre");

    // Taking the role away takes the rights away.
    var removed =
        host.post(
            base + "/partners/remove",
            new Form().add("organisationId", centre.toString()).add("role", "CO_ORGANISER"));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(partner.get(base + "/registrations").statusCode()).isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/programmes/" + shared.id() + "/registrations",
                    "Authorization",
                    "Bearer " + token)
                .status())
        .isEqualTo(404);
  }
}
