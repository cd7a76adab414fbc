package org.lectern.attendance.report;

import java.util.List;

/** One non-blank record of a delimited report; {@code line} is where it starts (1-based). */
record Row(int line, List<String> cells) {

  Row {
    cells = List.copyOf(cells);
  }

  String text(int index) {
    return index >= 0 && index < cells.size() ? cells.get(index) : "";
  }

  Cell cell(int index) {
    return new Cell(text(index), line, index + 1);
  }

  String first() {
    return text(0);
  }

  int size() {
    return cells.size();
  }
}
