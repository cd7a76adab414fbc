package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * What a page about one published programme's link needs of it — its title, in its languages —
 * without its description or settings (the double opt-in link's page and button, issue 16: both
 * read the whole row, description included, for the title).
 */
public record ProgrammeHeading(UUID id, String slug, LocalizedText title, List<String> languages) {}
