package org.lectern.registration;

import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/** One version of a programme's consent text, in its languages. Never changed once stored. */
public record Consent(UUID id, UUID programmeId, int version, LocalizedText texts) {}
