package org.lectern.admin;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two organisations with one organiser each: Aigerim organises for the bar association, Bolat for a
 * rights centre that must not touch the association's programmes.
 */
abstract class BackOfficeFixture extends IntegrationTest {

  static final String PASSWORD = "correct-horse-battery-staple";
  static final String AIGERIM = "aigerim@bar.example";
  static final String BOLAT = "bolat@centre.example";

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired ProgrammeService programmes;

  UUID bar;
  UUID centre;
  LecternUser aigerim;
  LecternUser bolat;

  @BeforeAll
  void people() {
    bar = organisations.create("bar", LocalizedText.of("en", "Bar Association"), null).id();
    centre = organisations.create("centre", LocalizedText.of("en", "Rights Centre"), null).id();
    UUID a = users.create(AIGERIM, "Aigerim Organiser", PASSWORD, false);
    UUID b = users.create(BOLAT, "Bolat Organiser", PASSWORD, false);
    users.grantOrganisationRole(bar, a, "ORGANISER");
    users.grantOrganisationRole(centre, b, "ORGANISER");
    aigerim = users.find(a).orElseThrow();
    bolat = users.find(b).orElseThrow();
  }

  WebSession signedIn(String email) {
    return new WebSession(baseUrl()).signIn(email, PASSWORD);
  }

  WebSession anonymous() {
    return new WebSession(baseUrl());
  }

  int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  /** A draft programme of the bar association in Russian (main) and Kazakh, on Almaty time. */
  Programme draftProgramme(String slug) {
    var in =
        ProgrammeInput.validate(
            new ProgrammeInput.Raw(
                slug,
                new LocalizedText(
                    java.util.Map.of("ru", "Программа " + slug, "kk", "Бағдарлама " + slug)),
                LocalizedText.empty(),
                List.of("ru", "kk"),
                "Asia/Almaty",
                null,
                null,
                true,
                false));
    return programmes.create(aigerim, bar, in);
  }

  static UUID idFromLocation(java.net.http.HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String path = java.net.URI.create(location).getPath();
    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
  }
}
