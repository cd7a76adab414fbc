package org.lectern.admin;

import java.util.Map;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormData;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerInput;

/** A speaker's profile as typed (the photo travels separately, as a file). */
public record SpeakerForm(
    String organisationId,
    String fullName,
    String affiliation,
    Map<String, String> bio,
    boolean published) {

  static SpeakerForm blank(String organisationId) {
    return new SpeakerForm(organisationId, "", "", Map.of(), true);
  }

  static SpeakerForm of(Speaker s) {
    return new SpeakerForm(
        s.organisationId().toString(),
        s.fullName(),
        s.affiliation() == null ? "" : s.affiliation(),
        s.bio().values(),
        s.published());
  }

  static SpeakerForm from(FormData f) {
    return new SpeakerForm(
        f.get("organisationId"),
        f.get("fullName"),
        f.get("affiliation"),
        f.text("bio").values(),
        f.checked("published"));
  }

  SpeakerInput validate() {
    return SpeakerInput.validate(fullName, new LocalizedText(bio), affiliation, published);
  }

  public String bio(String lang) {
    return bio.getOrDefault(lang, "");
  }
}
