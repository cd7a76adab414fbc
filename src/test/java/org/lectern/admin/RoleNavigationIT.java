package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;

/**
 * The back office offers each person only what they may do: funders and door staff get no "New
 * programme", "Speakers" or "Users", and the pages behind them refuse them.
 */
class RoleNavigationIT extends BackOfficeFixture {

  @Test
  void fundersAndDoorStaffSeeOnlyTheirOwnCorner() {
    Programme p = draftProgramme("roles-nav");
    String funder = person("funder");
    String door = person("door");
    programmes.grant(
        aigerim, p.id(), users.findByEmail(funder).orElseThrow().id(), ProgrammeRole.FUNDER);
    programmes.grant(
        aigerim, p.id(), users.findByEmail(door).orElseThrow().id(), ProgrammeRole.DOOR);

    for (String email : new String[] {funder, door}) {
      WebSession web = signedIn(email).language("ru");
      String dashboard = web.get("/admin").body();
      assertThat(dashboard)
          .as(email)
          .doesNotContain("href=\"/admin/programmes/new\"")
          .doesNotContain("href=\"/admin/users\"")
          .doesNotContain("href=\"/admin/speakers\"")
          .doesNotContain("href=\"/admin/programmes/" + p.id() + "\"")
          .doesNotContain("Создайте первую");
      assertThat(web.get("/admin/users").statusCode()).as(email).isEqualTo(403);
      assertThat(web.get("/admin/speakers/new").statusCode()).as(email).isEqualTo(403);
      assertThat(web.get("/admin/programmes/" + p.id() + "/registrations").statusCode())
          .as(email)
          .isEqualTo(403);
    }
    assertThat(signedIn(funder).get("/admin").body()).contains("/funder/programmes/" + p.id());

    String organiser = signedIn(AIGERIM).get("/admin").body();
    assertThat(organiser)
        .contains("href=\"/admin/programmes/new\"")
        .contains("href=\"/admin/speakers\"")
        .contains("href=\"/admin/programmes/" + p.id() + "\"");
  }

  private String person(String label) {
    String email = label + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    users.create(email, "Person " + label, PASSWORD, false);
    return email;
  }
}
