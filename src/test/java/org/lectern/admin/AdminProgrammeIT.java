package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;

/** Organisers create, change and publish programmes through the back office's forms. */
class AdminProgrammeIT extends BackOfficeFixture {

  private Form programmeForm(String slug) {
    return new Form()
        .add("organisationId", bar.toString())
        .add("slug", slug)
        .add("languages", "ru")
        .add("languages", "kk")
        .add("mainLanguage", "ru")
        .add("timeZone", "Asia/Almaty")
        .add("timeZoneOther", "")
        .add("cpdHours", "14,5")
        .add("capacity", "120")
        .add("waitlist", "true")
        .add("title.ru", "Права человека в суде")
        .add("title.kk", "Соттағы адам құқықтары")
        .add("description.ru", "Серия вебинаров для адвокатов.")
        .add("description.kk", "Адвокаттарға арналған вебинарлар сериясы.");
  }

  @Test
  void createdProgrammeIsOnTheDashboardAndAfterPublishingOnThePublicPageInItsLanguages() {
    WebSession web = signedIn(AIGERIM);
    var created = web.post("/admin/programmes", programmeForm("rights-in-court"));
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id = idFromLocation(created);

    var edit = web.follow(created);
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.body()).contains("role=\"status\"").contains("created as a draft");
    var saved = programmes.find(id).orElseThrow();
    assertThat(saved.languages()).containsExactly("ru", "kk");
    assertThat(saved.timeZone().getId()).isEqualTo("Asia/Almaty");
    assertThat(saved.cpdHours()).isEqualByComparingTo("14.5");
    assertThat(saved.capacity()).isEqualTo(120);
    assertThat(saved.title().get("kk")).isEqualTo("Соттағы адам құқықтары");

    assertThat(web.get("/admin").body())
        .contains("Права человека в суде")
        .contains("/admin/programmes/" + id)
        .contains("/programmes/rights-in-court");
    assertThat(anonymous().get("/programmes/rights-in-court").statusCode()).isEqualTo(404);
    assertThat(web.get("/programmes/rights-in-court").body()).contains("Права человека в суде");

    var published = web.post("/admin/programmes/" + id + "/publish", new Form());
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(programmes.find(id).orElseThrow().isPublished()).isTrue();

    var visitor = anonymous();
    assertThat(visitor.get("/programmes/rights-in-court?lang=kk").body())
        .contains("Соттағы адам құқықтары")
        .contains("Адвокаттарға арналған вебинарлар сериясы.");
    assertThat(visitor.get("/programmes/rights-in-court?lang=ru").body())
        .contains("Права человека в суде");
  }

  @Test
  void aTakenAddressIsRefusedInRussianAndNothingIsSaved() {
    draftProgramme("taken");
    int before = count("programme");
    var res = signedIn(AIGERIM).language("ru").post("/admin/programmes", programmeForm("taken"));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("Адрес «taken» уже занят другой программой.")
        .contains("id=\"slug-error\"")
        .contains("aria-describedby=\"slug-error")
        .contains("Соттағы адам құқықтары");
    assertThat(count("programme")).isEqualTo(before);
  }

  @Test
  void aMissingTitleInTheMainLanguageIsRefusedInKazakhAndNothingIsSaved() {
    int before = count("programme");
    var res =
        signedIn(AIGERIM)
            .language("kk")
            .post("/admin/programmes", programmeForm("no-main-title").set("title.ru", ""));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("Бағдарламаның негізгі тіліндегі атауы міндетті.")
        .contains("id=\"title-ru-error\"")
        .contains("href=\"#title-ru\"");
    assertThat(count("programme")).isEqualTo(before);
  }

  @Test
  void anUnknownTimeZoneAndAnOverLongTitleAreRefusedTogether() {
    int before = count("programme");
    var res =
        signedIn(AIGERIM)
            .post(
                "/admin/programmes",
                programmeForm("bad-zone")
                    .set("timeZoneOther", "Asia/Atlantis")
                    .set("title.kk", "қ".repeat(201)));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("Choose a time zone by its IANA name, for example Asia/Almaty.")
        .contains("id=\"timeZone-error\"")
        .contains("Must be at most 200 characters long.")
        .contains("id=\"title-kk-error\"")
        .contains("value=\"Asia/Atlantis\"");
    assertThat(count("programme")).isEqualTo(before);
  }

  @Test
  void htmlInATitleIsShownEscapedOnThePublicPage() {
    WebSession web = signedIn(AIGERIM);
    var created =
        web.post(
            "/admin/programmes",
            programmeForm("escaped").set("title.ru", "<script>alert('x')</script> Права"));
    UUID id = idFromLocation(created);
    web.post("/admin/programmes/" + id + "/publish", new Form());
    String page = anonymous().get("/programmes/escaped?lang=ru").body();
    assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
  }

  @Test
  void someoneFromAnotherOrganisationCannotSeeOrChangeTheProgramme() {
    var p = draftProgramme("not-yours");
    WebSession intruder = signedIn(BOLAT);
    assertThat(intruder.get("/admin/programmes/" + p.id()).statusCode()).isEqualTo(404);
    assertThat(intruder.get("/admin").body()).doesNotContain("not-yours");
    var update =
        intruder.post(
            "/admin/programmes/" + p.id(),
            programmeForm("not-yours").set("title.ru", "Захвачено").add("version", "0"));
    assertThat(update.statusCode()).isIn(403, 404);
    programmes.publish(aigerim, p.id());
    assertThat(intruder.get("/admin/programmes/" + p.id()).statusCode()).isEqualTo(403);
    var again =
        intruder.post(
            "/admin/programmes/" + p.id(),
            programmeForm("not-yours").set("title.ru", "Захвачено").add("version", "1"));
    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(programmes.find(p.id()).orElseThrow().title().get("ru"))
        .isEqualTo("Программа not-yours");
    var create =
        intruder.post(
            "/admin/programmes",
            programmeForm("in-their-name").set("organisationId", bar.toString()));
    // Another organisation is not found, as in the API (API.md: 404, never 403, for those).
    assertThat(create.statusCode()).isEqualTo(404);
    assertThat(programmes.findBySlug("in-their-name")).isEmpty();
  }

  @Test
  void aChangeOnTopOfSomeoneElsesChangeIsReportedNotSaved() {
    var p = draftProgramme("two-editors");
    WebSession first = signedIn(AIGERIM);
    WebSession second = signedIn(AIGERIM);
    String version = String.valueOf(p.version());
    var ok =
        first.post(
            "/admin/programmes/" + p.id(),
            programmeForm("two-editors").set("title.ru", "Первая правка").add("version", version));
    assertThat(ok.statusCode()).isEqualTo(302);
    var stale =
        second.post(
            "/admin/programmes/" + p.id(),
            programmeForm("two-editors").set("title.ru", "Вторая правка").add("version", version));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else changed this programme in the meantime.")
        .contains("Вторая правка");
    assertThat(programmes.find(p.id()).orElseThrow().title().get("ru")).isEqualTo("Первая правка");
  }

  @Test
  void partnersAreNamedAndRemoved() {
    var p = draftProgramme("with-partners");
    WebSession web = signedIn(AIGERIM);
    var added =
        web.post(
            "/admin/programmes/" + p.id() + "/partners",
            new Form()
                .add("organisation", "centre")
                .add("role", "FUNDER")
                .add("acknowledgement.ru", "При поддержке центра")
                .add("disclaimer.kk", "Пікірлер авторларға тиесілі."));
    assertThat(added.statusCode()).isEqualTo(302);
    // Another organisation is only proposed until one of its administrators accepts (ADR 0010).
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(programmes.proposals(p.id()))
        .anyMatch(
            pp ->
                pp.organisationId().equals(centre)
                    && pp.role().name().equals("FUNDER")
                    && pp.acknowledgement().get("ru").equals("При поддержке центра"));

    var foreignLanguage =
        web.post(
            "/admin/programmes/" + p.id() + "/partners",
            new Form()
                .add("organisation", "centre")
                .add("role", "PARTNER")
                .add("acknowledgement.en", "Not a language of this programme"));
    assertThat(foreignLanguage.statusCode()).isEqualTo(422);
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.role().name().equals("PARTNER"));
    assertThat(programmes.proposals(p.id())).noneMatch(pp -> pp.role().name().equals("PARTNER"));

    var removed =
        web.post(
            "/admin/programmes/" + p.id() + "/partners/remove",
            new Form().add("organisationId", centre.toString()).add("role", "FUNDER"));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(programmes.partners(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
    assertThat(programmes.proposals(p.id())).noneMatch(pp -> pp.organisationId().equals(centre));
  }
}
