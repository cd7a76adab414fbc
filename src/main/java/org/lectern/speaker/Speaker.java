package org.lectern.speaker;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/** A trainer, local expert, moderator or interpreter, with a public profile. */
public record Speaker(
    UUID id,
    UUID organisationId,
    String fullName,
    LocalizedText bio,
    String affiliation,
    boolean hasPhoto,
    boolean published) {

  public String bio(String lang, List<String> fallbacks) {
    return bio.in(lang, fallbacks);
  }
}
