package org.lectern.speaker;

import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;

/** A speaker's editable profile, checked. */
public record SpeakerInput(
    String fullName, LocalizedText bio, String affiliation, boolean published) {

  public static final int NAME_MAX = 200;
  public static final int BIO_MAX = 5_000;

  public static SpeakerInput validate(
      String fullName, LocalizedText bio, String affiliation, boolean published) {
    var p = new InvalidInputException.Collector();
    String name =
        p.requiredText(fullName, "fullName", NAME_MAX, "validation.required", "validation.tooLong");
    LocalizedText b = bio == null ? LocalizedText.empty() : bio;
    b.values()
        .forEach(
            (l, v) -> p.check(v.length() <= BIO_MAX, "bio." + l, "validation.tooLong", BIO_MAX));
    String aff = affiliation == null ? "" : affiliation.strip();
    p.check(aff.length() <= NAME_MAX, "affiliation", "validation.tooLong", NAME_MAX);
    p.throwIfAny();
    return new SpeakerInput(name, b, aff.isEmpty() ? null : aff, published);
  }
}
