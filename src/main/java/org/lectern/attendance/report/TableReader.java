package org.lectern.attendance.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits decoded text into rows of cleaned cells, remembering each row's line so that errors point
 * the organiser to the right place. Blank rows (Zoom's dashboard puts one after every row, Zoom's
 * 2025 layout pads every line with commas) are dropped.
 */
final class TableReader {

  private TableReader() {}

  static List<Row> read(String text, char delimiter) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        int line = (int) parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        Row row = toRow(line, records.next());
        if (!row.cells().isEmpty()) {
          rows.add(row);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new ReportFormatException(ReportFormatException.UNREADABLE, (int) lineOf(e), 0, "csv");
    }
    return rows;
  }

  private static Row toRow(int line, CSVRecord record) {
    List<String> cells = new ArrayList<>(record.size());
    for (String value : record) {
      cells.add(Text.clean(value));
    }
    int end = cells.size();
    while (end > 0 && cells.get(end - 1).isEmpty()) {
      end--;
    }
    return new Row(line, cells.subList(0, end));
  }

  private static long lineOf(Exception e) {
    String message = String.valueOf(e.getMessage());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
