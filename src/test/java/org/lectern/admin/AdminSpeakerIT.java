package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.annotation.Autowired;

/** Organisers keep the profiles and photos of their organisation's speakers. */
class AdminSpeakerIT extends BackOfficeFixture {

  /** The smallest valid PNG: one transparent pixel. */
  private static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  @Autowired SpeakerService speakers;

  private Form speakerForm(String name) {
    return new Form()
        .add("organisationId", bar.toString())
        .add("fullName", name)
        .add("affiliation", "Almaty Bar")
        .add("bio.ru", "Адвокат, преподаватель.")
        .add("bio.kk", "Адвокат, оқытушы.")
        .add("published", "true");
  }

  @Test
  void aSpeakerIsCreatedWithAPhotoAndListed() {
    WebSession web = signedIn(AIGERIM);
    var created =
        web.postMultipart(
            "/admin/speakers", speakerForm("Gulnara Speaker"), "photo", "me.png", PNG);
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id = idFromLocation(created);
    var s = speakers.find(id).orElseThrow();
    assertThat(s.fullName()).isEqualTo("Gulnara Speaker");
    assertThat(s.bio().get("kk")).isEqualTo("Адвокат, оқытушы.");
    assertThat(s.hasPhoto()).isTrue();
    assertThat(web.get("/admin/speakers").body()).contains("Gulnara Speaker");
    assertThat(anonymous().get("/speakers/" + id + "/photo").statusCode()).isEqualTo(200);
  }

  @Test
  void aFileThatIsNotAnImageIsRefusedAndNothingIsSaved() {
    WebSession web = signedIn(AIGERIM).language("kk");
    int before = count("speaker");
    byte[] fake =
        "<html>not a picture, whatever the name says</html>".getBytes(StandardCharsets.UTF_8);
    var res =
        web.postMultipart("/admin/speakers", speakerForm("Fake Photo"), "photo", "x.png", fake);
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body())
        .contains("id=\"photo-error\"")
        .contains("aria-describedby=\"photo-error photo-hint\"")
        .contains("value=\"Fake Photo\"");
    assertThat(count("speaker")).isEqualTo(before);

    var existing =
        speakers.create(
            aigerim, bar, SpeakerInput.validate("Has No Photo", LocalizedText.empty(), null, true));
    var update =
        web.language("en")
            .postMultipart(
                "/admin/speakers/" + existing.id(), speakerForm("Renamed"), "photo", "x.jpg", fake);
    assertThat(update.statusCode()).isEqualTo(422);
    assertThat(update.body()).contains("The photo must be a JPEG, PNG or WebP image.");
    var after = speakers.find(existing.id()).orElseThrow();
    assertThat(after.fullName()).isEqualTo("Has No Photo");
    assertThat(after.hasPhoto()).isFalse();
  }

  @Test
  void aMissingNameIsAFieldError() {
    int before = count("speaker");
    var res =
        signedIn(AIGERIM)
            .language("ru")
            .postMultipart("/admin/speakers", speakerForm(""), "photo", "", new byte[0]);
    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(res.body()).contains("id=\"fullName-error\"").contains("Адвокат, преподаватель.");
    assertThat(count("speaker")).isEqualTo(before);
  }

  @Test
  void someoneFromAnotherOrganisationCannotChangeTheSpeaker() {
    var s =
        speakers.create(
            aigerim, bar, SpeakerInput.validate("Kept Safe", LocalizedText.empty(), null, true));
    WebSession intruder = signedIn(BOLAT);
    assertThat(intruder.get("/admin/speakers/" + s.id()).statusCode()).isEqualTo(403);
    assertThat(intruder.get("/admin/speakers").body()).doesNotContain("Kept Safe");
    var res =
        intruder.postMultipart(
            "/admin/speakers/" + s.id(), speakerForm("Taken Over"), "photo", "p.png", PNG);
    assertThat(res.statusCode()).isEqualTo(403);
    var after = speakers.find(s.id()).orElseThrow();
    assertThat(after.fullName()).isEqualTo("Kept Safe");
    assertThat(after.hasPhoto()).isFalse();
  }
}
