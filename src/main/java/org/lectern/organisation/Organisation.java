package org.lectern.organisation;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * An organiser, partner or funder. Main centres are the regions (ISO 3166-2) that count as the big
 * legal centres when reports measure reach beyond them.
 */
public record Organisation(
    UUID id, String slug, LocalizedText name, String website, List<String> mainCentres) {}
