package org.lectern.attendance.importing;

import java.util.UUID;

/**
 * The outcome of one import: the API answer. {@code repeated} says the same file had already been
 * imported for the session, so nothing changed.
 */
public record ImportSummary(
    UUID importId,
    String format,
    int rows,
    int participants,
    int matched,
    int unmatched,
    boolean repeated) {

  ImportSummary asRepeat() {
    return new ImportSummary(importId, format, rows, participants, matched, unmatched, true);
  }
}
