package org.lectern.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes an export as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX. */
final class RegistrationExport {

  private RegistrationExport() {}

  static byte[] csv(RegistrationAdminService.Export e) {
    var out = new ByteArrayOutputStream();
    try (var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      w.write('\uFEFF');
      csv.printRecord(header(e));
      for (Registration r : e.registrations()) {
        csv.printRecord(row(r, e));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(RegistrationAdminService.Export e) {
    try (var book = new SXSSFWorkbook(200)) {
      Sheet sheet = book.createSheet("registrations");
      write(sheet.createRow(0), header(e));
      int i = 1;
      for (Registration r : e.registrations()) {
        write(sheet.createRow(i++), row(r, e));
      }
      var out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void write(Row row, List<String> values) {
    for (int c = 0; c < values.size(); c++) {
      row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
    }
  }

  private static List<String> header(RegistrationAdminService.Export e) {
    List<String> h =
        new ArrayList<>(
            List.of(
                "id",
                "status",
                "waitlist",
                "full_name",
                "email",
                "phone",
                "region",
                "country",
                "town",
                "profession",
                "years_of_practice",
                "gender",
                "bar_member",
                "licence_number",
                "language",
                "accessibility",
                "consent_version",
                "registered_at"));
    e.questions().forEach(q -> h.add(safe(q.label().in("en", e.programme().languages()))));
    return h;
  }

  private static List<String> row(Registration r, RegistrationAdminService.Export e) {
    DelegateDetails d = r.details();
    List<String> v =
        new ArrayList<>(
            List.of(
                r.id().toString(),
                r.status().name(),
                str(r.waitlistSeq()),
                safe(d.fullName()),
                safe(d.email()),
                safe(d.phone()),
                str(d.region()),
                str(d.country()),
                safe(d.town()),
                str(d.profession()),
                str(d.yearsBand()),
                str(d.gender()),
                str(d.barMember()),
                safe(d.licenceNumber()),
                str(d.language()),
                safe(d.accessibility()),
                str(r.consentId()),
                r.createdAt().toString()));
    Map<java.util.UUID, Answer> byQuestion = new java.util.HashMap<>();
    e.answers().getOrDefault(r.id(), List.of()).forEach(a -> byQuestion.put(a.questionId(), a));
    for (Question q : e.questions()) {
      Answer a = byQuestion.get(q.id());
      v.add(a == null ? "" : safe(a.text() != null ? a.text() : String.join("; ", a.choices())));
    }
    return v;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  /** Text that a spreadsheet program will not run as a formula. */
  static String safe(String s) {
    return org.lectern.shared.text.SpreadsheetCells.text(s);
  }
}
