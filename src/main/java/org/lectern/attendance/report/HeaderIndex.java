package org.lectern.attendance.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each known column sits in one header row. Keeps every position of a label because Zoom's
 * Active Hosts report repeats "User Email" and "Duration (Minutes)" for host and participant.
 */
final class HeaderIndex {

  private final Row header;
  private final Map<Column, List<Integer>> positions = new EnumMap<>(Column.class);

  private HeaderIndex(Row header) {
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      int index = i;
      Column.of(header.text(i))
          .ifPresent(c -> positions.computeIfAbsent(c, k -> new ArrayList<>()).add(index));
    }
  }

  static HeaderIndex of(Row header) {
    return new HeaderIndex(header);
  }

  Row row() {
    return header;
  }

  boolean has(Column... columns) {
    for (Column column : columns) {
      if (!positions.containsKey(column)) {
        return false;
      }
    }
    return true;
  }

  /** First position of the column, or -1. */
  int index(Column column) {
    List<Integer> found = positions.get(column);
    return found == null ? -1 : found.get(0);
  }

  /** Last position of the column, or -1: Zoom's participant name comes after the host's. */
  int lastIndex(Column column) {
    List<Integer> found = positions.get(column);
    return found == null ? -1 : found.get(found.size() - 1);
  }

  /** First position of the column after {@code position}, or -1: the participant's copy. */
  int indexAfter(Column column, int position) {
    for (int index : positions.getOrDefault(column, List.of())) {
      if (index > position) {
        return index;
      }
    }
    return -1;
  }

  /** Number of distinct known columns, to tell a header from a data row. */
  int known() {
    return positions.size();
  }

  /** The header's own text of a column, e.g. to notice "(Original Name)". */
  Optional<String> label(Column column) {
    int index = index(column);
    return index < 0 ? Optional.empty() : Optional.of(header.text(index));
  }

  Cell cell(Row row, Column column) {
    return row.cell(index(column));
  }

  String text(Row row, Column column) {
    return row.text(index(column));
  }
}
