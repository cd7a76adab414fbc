package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person changes the name others see on "Your account": one line of 1 to 200 characters, refused
 * in the person's language with nothing changed, audited, shown at once in the same session; an
 * administrator still called "Administrator" (no LECTERN_ADMIN_NAME) is asked to set their name.
 */
class AccountNameIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;

  String storedName(UUID user) {
    return users.find(user).orElseThrow().fullName();
  }

  int audited(UUID user) {
    return jdbc.sql(
            "select count(*) from audit_entry where subject_id = :s and action ="
                + " 'account.nameChanged' and actor_id = :u")
        .param("s", user.toString())
        .param("u", user)
        .query(Integer.class)
        .single();
  }

  @Test
  void badNamesAreRefusedInThePersonsLanguageAndChangeNothing() {
    var u = fixtures.organiser("nm");
    var ru = new WebSession(baseUrl()).language("ru").signIn(u.email(), Fixtures.PASSWORD);

    var empty = ru.post("/admin/account/name", new Form().add("fullName", "   "));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body())
        .contains("Обязательное поле.")
        .contains("aria-describedby=\"fullName-error fullName-hint\"")
        .contains("id=\"fullName-error\"");

    var kk = new WebSession(baseUrl()).language("kk").signIn(u.email(), Fixtures.PASSWORD);
    var tooLong = kk.post("/admin/account/name", new Form().add("fullName", "Ә".repeat(201)));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("200 таңбадан аспауы керек.");

    var twoLines = ru.post("/admin/account/name", new Form().add("fullName", "Анна\nБорисовна"));
    assertThat(twoLines.statusCode()).isEqualTo(422);
    assertThat(twoLines.body()).contains("Напишите это в одну строку");

    // Control characters are removed from every form field (TextInput.clean): only they is empty.
    var onlyControl = ru.post("/admin/account/name", new Form().add("fullName", "\u0007\u0001"));
    assertThat(onlyControl.statusCode()).isEqualTo(422);
    assertThat(onlyControl.body()).contains("Обязательное поле.");

    assertThat(storedName(u.id())).as("refusals change nothing").isEqualTo("Organiser nm");
    assertThat(audited(u.id())).isZero();
    assertThat(ru.get("/admin/account").body()).contains("Organiser nm");
  }

  @Test
  void aGoodNameIsStoredTrimmedAuditedAndShownAtOnce() {
    var u = fixtures.organiser("nmok");
    var web = new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);
    assertThat(web.get("/admin/account").body())
        .contains("Your name, as others see it")
        .contains("value=\"Organiser nmok\"")
        .doesNotContain("the name the first administrator was created with");

    var done =
        web.post("/admin/account/name", new Form().add("fullName", "  Ай\u0007гүл Сәрсенова  "));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse(""))
        .endsWith("/admin/account?done=name");
    assertThat(storedName(u.id())).isEqualTo("Айгүл Сәрсенова");
    assertThat(audited(u.id())).isEqualTo(1);
    var page = web.get("/admin/account?done=name");
    assertThat(page.statusCode()).as("the session goes on").isEqualTo(200);
    assertThat(page.body())
        .contains("Your name was changed.")
        .contains("<p>Айгүл Сәрсенова · " + u.email() + "</p>");

    var longest = web.post("/admin/account/name", new Form().add("fullName", "Ә".repeat(200)));
    assertThat(longest.statusCode()).isEqualTo(302);
    assertThat(storedName(u.id())).isEqualTo("Ә".repeat(200));

    var script =
        web.post("/admin/account/name", new Form().add("fullName", "<script>alert(1)</script>"));
    assertThat(script.statusCode()).isEqualTo(302);
    assertThat(storedName(u.id())).isEqualTo("<script>alert(1)</script>");
    assertThat(audited(u.id())).isEqualTo(3);
    assertThat(web.get("/admin/account").body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void anAdministratorWithTheDefaultNameIsAskedToSetTheirOwn() {
    String email = "first-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    UUID id = users.create(email, "Administrator", Fixtures.PASSWORD, true);
    var web = new WebSession(baseUrl()).language("kk").signIn(email, Fixtures.PASSWORD);
    assertThat(web.get("/admin/account").body()).contains("Сіз «Administrator» болып көрсетілесіз");

    var done = web.post("/admin/account/name", new Form().add("fullName", "Ерлан Қасымов"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(storedName(id)).isEqualTo("Ерлан Қасымов");
    assertThat(web.get("/admin/account").body()).doesNotContain("болып көрсетілесіз");
  }
}
