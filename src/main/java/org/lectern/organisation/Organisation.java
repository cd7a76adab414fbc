package org.lectern.organisation;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * An organiser, partner or funder. Main centres are the regions (ISO 3166-2) that count as the big
 * legal centres when reports measure reach beyond them.
 *
 * @param shortName an abbreviation for tight places (may be null)
 * @param certificateSigner the name its certificates are signed in (may be null: then its name)
 * @param mailSenderName the display name of the sender of its mail (may be null)
 * @param logoType {@code image/png} or {@code image/svg+xml}, null without a logo
 */
public record Organisation(
    UUID id,
    String slug,
    LocalizedText name,
    String website,
    List<String> mainCentres,
    String shortName,
    String certificateSigner,
    String mailSenderName,
    String logoType) {

  public Organisation {
    mainCentres = List.copyOf(mainCentres);
  }

  public boolean hasLogo() {
    return logoType != null;
  }

  /** The name certificates are signed in: the chosen signer, else the English (or any) name. */
  public String signerName() {
    if (certificateSigner != null && !certificateSigner.isBlank()) {
      return certificateSigner;
    }
    return name.in("en", List.of("ru", "kk"));
  }
}
