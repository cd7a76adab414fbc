package org.lectern.programme;

import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/** An organisation named on a programme, with the acknowledgement and disclaimer it requires. */
public record ProgrammePartner(
    UUID organisationId,
    PartnerRole role,
    LocalizedText acknowledgement,
    LocalizedText disclaimer,
    int position) {

  public static final int TEXT_MAX = 2_000;
}
