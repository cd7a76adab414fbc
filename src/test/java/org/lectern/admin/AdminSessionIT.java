package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.programme.Programme;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.annotation.Autowired;

/** Organisers add sessions in the programme's languages, on the programme's clock. */
class AdminSessionIT extends BackOfficeFixture {

  @Autowired SessionService sessions;
  @Autowired SpeakerService speakers;

  private Speaker presenter;
  private Speaker foreignSpeaker;

  @BeforeAll
  void speakers() {
    presenter =
        speakers.create(
            aigerim,
            bar,
            SpeakerInput.validate("Dana Presenter", LocalizedText.empty(), null, true));
    foreignSpeaker =
        speakers.create(
            bolat, centre, SpeakerInput.validate("Erlan Other", LocalizedText.empty(), null, true));
  }

  private Form sessionForm() {
    return new Form()
        .add("title.ru", "Право на справедливый суд")
        .add("title.kk", "Әділ сот талқылауына құқық")
        .add("abstract.ru", "Статья 14 МПГПП.")
        .add("startsAt", "2021-02-09T10:00")
        .add("endsAt", "2021-02-09T12:00")
        .add("mode", "ONLINE")
        .add("language", "ru")
        .add("interpretationLanguages", "kk")
        .add("iccprArticles", "14")
        .add("iccprArticles", "9")
        .add("meetingProvider", "ZOOM")
        .add("meetingUrl", "https://zoom.example/j/123")
        .add("speaker.0", presenter.id().toString())
        .add("role.0", "PRESENTER")
        .add("speaker.1", "")
        .add("role.1", "MODERATOR");
  }

  @Test
  void aSessionIsAddedOnTheProgrammesClockAndAppearsPubliclyInBothLanguages() {
    Programme p = draftProgramme("fair-trial");
    WebSession web = signedIn(AIGERIM);
    String form = web.get("/admin/programmes/" + p.id() + "/sessions/new").body();
    assertThat(form).contains("Times in Asia/Almaty").contains("type=\"datetime-local\"");

    var created =
        web.post("/admin/programmes/" + p.id() + "/sessions", sessionForm().add("publish", "true"));
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id = idFromLocation(created);
    var s = sessions.find(id).orElseThrow();
    ZoneId almaty = ZoneId.of("Asia/Almaty");
    assertThat(s.startsAt())
        .isEqualTo(LocalDateTime.parse("2021-02-09T10:00").atZone(almaty).toInstant());
    assertThat(s.endsAt())
        .isEqualTo(LocalDateTime.parse("2021-02-09T12:00").atZone(almaty).toInstant());
    assertThat(s.iccprArticles()).containsExactly(9, 14);
    assertThat(s.interpretationLanguages()).containsExactly("kk");
    assertThat(s.isPublished()).isTrue();
    assertThat(sessions.speakers(id))
        .singleElement()
        .satisfies(sp -> assertThat(sp.speakerId()).isEqualTo(presenter.id()));

    String edit = web.follow(created).body();
    assertThat(edit).contains("value=\"2021-02-09T10:00\"").contains("https://zoom.example/j/123");

    programmes.publish(aigerim, p.id());
    var visitor = anonymous();
    String kk = visitor.get("/programmes/fair-trial?lang=kk").body();
    assertThat(kk).contains("Әділ сот талқылауына құқық").doesNotContain("zoom.example");
    assertThat(visitor.get("/programmes/fair-trial?lang=ru").body())
        .contains("Право на справедливый суд")
        .contains("Dana Presenter");
  }

  @Test
  void aSessionEndingBeforeItStartsIsRefusedAndNothingIsSaved() {
    Programme p = draftProgramme("backwards");
    int before = count("session");
    int speakersBefore = count("session_speaker");
    var res =
        signedIn(AIGERIM)
            .post(
                "/admin/programmes/" + p.id() + "/sessions",
                sessionForm().set("endsAt", "2021-02-09T09:00"));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("The end must be after the start.")
        .contains("id=\"endsAt-error\"")
        .contains("value=\"2021-02-09T09:00\"");
    assertThat(count("session")).isEqualTo(before);
    assertThat(count("session_speaker")).isEqualTo(speakersBefore);
  }

  @Test
  void aDateThatIsNotADateIsAFieldErrorInRussian() {
    Programme p = draftProgramme("bad-date");
    int before = count("session");
    var res =
        signedIn(AIGERIM)
            .language("ru")
            .post(
                "/admin/programmes/" + p.id() + "/sessions",
                sessionForm().set("startsAt", "9 февраля").set("endsAt", "2021-02-30T12:00"));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("Введите дату и время, например 2021-02-09 10:00.")
        .contains("id=\"startsAt-error\"")
        .contains("id=\"endsAt-error\"")
        .contains("value=\"9 февраля\"");
    assertThat(count("session")).isEqualTo(before);
  }

  @Test
  void aLanguageOutsideTheProgrammesIsRefusedInKazakh() {
    Programme p = draftProgramme("wrong-language");
    int before = count("session");
    var res =
        signedIn(AIGERIM)
            .language("kk")
            .post("/admin/programmes/" + p.id() + "/sessions", sessionForm().set("language", "en"));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("Сабақ тілі бағдарлама тілдерінің бірі болуы керек: ru, kk.")
        .contains("id=\"language-error\"");
    assertThat(count("session")).isEqualTo(before);
  }

  @Test
  void aSpeakerOfAnotherOrganisationCannotBeSlippedIn() {
    Programme p = draftProgramme("foreign-speaker");
    int before = count("session");
    var res =
        signedIn(AIGERIM)
            .post(
                "/admin/programmes/" + p.id() + "/sessions",
                sessionForm().set("speaker.0", foreignSpeaker.id().toString()));
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body()).contains("id=\"speakers-error\"");
    assertThat(count("session")).isEqualTo(before);
  }

  @Test
  void someoneFromAnotherOrganisationCannotAddOrChangeSessions() {
    Programme p = draftProgramme("guarded");
    var s = signedIn(AIGERIM).post("/admin/programmes/" + p.id() + "/sessions", sessionForm());
    UUID sessionId = idFromLocation(s);
    int before = count("session");
    WebSession intruder = signedIn(BOLAT);
    assertThat(
            intruder.post("/admin/programmes/" + p.id() + "/sessions", sessionForm()).statusCode())
        .isIn(403, 404);
    assertThat(intruder.get("/admin/sessions/" + sessionId).statusCode()).isIn(403, 404);
    assertThat(
            intruder
                .post("/admin/sessions/" + sessionId, sessionForm().set("title.ru", "Чужое"))
                .statusCode())
        .isIn(403, 404);
    assertThat(intruder.post("/admin/sessions/" + sessionId + "/publish", new Form()).statusCode())
        .isIn(403, 404);
    assertThat(count("session")).isEqualTo(before);
    var unchanged = sessions.find(sessionId).orElseThrow();
    assertThat(unchanged.title().get("ru")).isEqualTo("Право на справедливый суд");
    assertThat(unchanged.isPublished()).isFalse();
  }

  @Test
  void aSessionIsEditedPublishedAndUnpublished() {
    Programme p = draftProgramme("editable");
    WebSession web = signedIn(AIGERIM);
    UUID id = idFromLocation(web.post("/admin/programmes/" + p.id() + "/sessions", sessionForm()));
    var saved =
        web.post(
            "/admin/sessions/" + id,
            sessionForm()
                .set("title.kk", "Жаңа атау")
                .set("mode", "HYBRID")
                .set("venue.ru", "Алматы"));
    assertThat(saved.statusCode()).isEqualTo(302);
    var s = sessions.find(id).orElseThrow();
    assertThat(s.title().get("kk")).isEqualTo("Жаңа атау");
    assertThat(s.mode().name()).isEqualTo("HYBRID");
    assertThat(s.venue().get("ru")).isEqualTo("Алматы");

    assertThat(web.post("/admin/sessions/" + id + "/publish", new Form()).statusCode())
        .isEqualTo(302);
    assertThat(sessions.find(id).orElseThrow().isPublished()).isTrue();
    assertThat(web.post("/admin/sessions/" + id + "/unpublish", new Form()).statusCode())
        .isEqualTo(302);
    assertThat(sessions.find(id).orElseThrow().isPublished()).isFalse();
    assertThat(web.language("kk").get("/admin/programmes/" + p.id()).body()).contains("Жаңа атау");
  }
}
