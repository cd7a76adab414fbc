package org.lectern.attendance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One numbered section of a Teams report: the key/value summary, or a table with its header.
 * Sections are found by their number, not their localised title.
 */
record TeamsSection(HeaderIndex header, List<Row> rows) {

  private static final Pattern TITLE = Pattern.compile("\\d\\.\\s*\\S.*");

  static List<TeamsSection> split(List<Row> rows) {
    List<List<Row>> parts = new ArrayList<>();
    parts.add(new ArrayList<>());
    for (Row row : rows) {
      if (row.size() == 1 && TITLE.matcher(row.first()).matches()) {
        parts.add(new ArrayList<>());
      } else {
        parts.get(parts.size() - 1).add(row);
      }
    }
    List<TeamsSection> sections = new ArrayList<>();
    for (List<Row> part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      HeaderIndex header = HeaderIndex.of(part.get(0));
      boolean table = header.has(Column.NAME, Column.JOIN, Column.LEAVE);
      sections.add(
          new TeamsSection(table ? header : null, table ? part.subList(1, part.size()) : part));
    }
    return sections;
  }

  boolean isTable() {
    return header != null;
  }

  List<Cell> timeCells() {
    List<Cell> cells = new ArrayList<>();
    for (Row row : rows) {
      cells.add(header.cell(row, Column.JOIN));
      cells.add(header.cell(row, Column.LEAVE));
    }
    return cells;
  }

  /** Summary rows are "key, value": start and end of the meeting. */
  List<Cell> summaryTimes() {
    List<Cell> cells = new ArrayList<>();
    if (isTable()) {
      return cells;
    }
    for (Row row : rows) {
      Column key = Column.of(row.first()).orElse(null);
      if (key == Column.START || key == Column.END) {
        cells.add(row.cell(1));
      }
    }
    return cells;
  }

  MeetingInfo meeting(TimeResolver times) {
    String topic = null;
    Instant start = null;
    Instant end = null;
    for (Row row : isTable() ? List.<Row>of() : rows) {
      Column key = Column.of(row.first()).orElse(null);
      if (key == Column.TOPIC) {
        topic = row.text(1);
      } else if (key == Column.START) {
        start = times.instant(row.cell(1)).orElse(null);
      } else if (key == Column.END) {
        end = times.instant(row.cell(1)).orElse(null);
      }
    }
    return new MeetingInfo(null, topic, start, end);
  }
}
