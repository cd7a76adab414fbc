package org.lectern.programme;

import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * A person who manages a programme because their organisation co-organises it ({@link
 * PartnerRole#CO_ORGANISER}): shown on the members page as "via partner X", removed by removing the
 * partner, not the person.
 */
public record PartnerMember(
    UUID userId, String email, String fullName, UUID organisationId, LocalizedText partner) {}
