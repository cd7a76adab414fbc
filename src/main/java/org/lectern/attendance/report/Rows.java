package org.lectern.attendance.report;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** Header search shared by the readers: reports put preambles and meeting rows above the table. */
final class Rows {

  private Rows() {}

  static OptionalInt findHeader(List<Row> rows, Predicate<HeaderIndex> wanted) {
    for (int i = 0; i < rows.size(); i++) {
      if (wanted.test(HeaderIndex.of(rows.get(i)))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  static boolean hasHeader(List<Row> rows, Predicate<HeaderIndex> wanted) {
    return findHeader(rows, wanted).isPresent();
  }

  /** Whether a header row's own text contains this label (for columns outside the vocabulary). */
  static int indexOfLabel(Row header, String label) {
    for (int i = 0; i < header.size(); i++) {
      if (Text.key(header.text(i)).equals(Text.key(label))) {
        return i;
      }
    }
    return -1;
  }
}
