package org.lectern.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * CSV (UTF-8 with BOM, one block per table, a blank line between) and XLSX (one sheet per table).
 * Counts that are numbers are written as numbers in XLSX so that spreadsheets can sum them.
 */
final class ReportFiles {

  private ReportFiles() {}

  static byte[] csv(List<ReportTables.Sheet> sheets) {
    var out = new ByteArrayOutputStream();
    try (var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      w.write('\uFEFF');
      for (var s : sheets) {
        csv.printRecord("table", s.name());
        for (var row : s.rows()) {
          csv.printRecord(row.stream().map(ReportFiles::safe).toList());
        }
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(List<ReportTables.Sheet> sheets) {
    try (var book = new XSSFWorkbook()) {
      for (var s : sheets) {
        var sheet = book.createSheet(s.name());
        int r = 0;
        for (var values : s.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            String v = values.get(c);
            if (r > 1 && v.matches("\\d{1,9}")) {
              row.createCell(c).setCellValue(Integer.parseInt(v));
            } else {
              row.createCell(c).setCellValue(safe(v));
            }
          }
        }
      }
      var out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text that a spreadsheet program will not run as a formula. */
  static String safe(String s) {
    return org.lectern.shared.text.SpreadsheetCells.text(s);
  }
}
