package org.lectern.attendance.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.attendance.report.Fixtures.ALMATY;
import static org.lectern.attendance.report.Fixtures.session;

import org.junit.jupiter.api.Test;

/** An unrecognised table becomes readable once the organiser maps its columns. */
class GenericCsvTest {

  private static final String SHEET =
      "Слушатель;Почта;Вход;Выход\n"
          + "Асель Нурова;asel@advokat.kz;14.03.2024 10:00;14.03.2024 11:00\n"
          + "Асель Нурова;ASEL@advokat.kz;14.03.2024 10:30;14.03.2024 11:45\n"
          + "Болат;;14.03.2024 10:15;14.03.2024 10:45\n";

  @Test
  void mappedColumnsAreRead() {
    ReadContext ctx =
        session("2024-03-14T10:00", "2024-03-14T12:00", ALMATY)
            .withColumnMapping(new ColumnMapping("Слушатель", "Почта", "Вход", "Выход", null));
    ParsedReport report = new AttendanceReportReader().read(SHEET.getBytes(UTF_8), ctx);
    assertThat(report.format()).isEqualTo("generic-csv");
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.participants()).hasSize(2);
    // 10:00-11:00 and 10:30-11:45 overlap: 105 minutes.
    assertThat(report.find("asel@advokat.kz").orElseThrow().minutes()).isEqualTo(105);
    assertThat(report.find("Болат").orElseThrow().minutes()).isEqualTo(30);
    assertThat(report.find("Болат").orElseThrow().role()).isEqualTo(ParticipantRole.UNKNOWN);
  }

  @Test
  void withoutMappingTheSameSheetIsUnknown() {
    ReadContext ctx = session("2024-03-14T10:00", "2024-03-14T12:00", ALMATY);
    assertThatThrownBy(() -> new AttendanceReportReader().read(SHEET.getBytes(UTF_8), ctx))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> assertThat(e.code()).isEqualTo("attendance.import.unknownFormat"));
  }

  @Test
  void mappedColumnMissingFromTheFile() {
    ReadContext ctx =
        session("2024-03-14T10:00", "2024-03-14T12:00", ALMATY)
            .withColumnMapping(new ColumnMapping("Слушатель", "E-mail", null, null, null));
    assertThatThrownBy(() -> new AttendanceReportReader().read(SHEET.getBytes(UTF_8), ctx))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.missingColumn");
              assertThat(e.args()).containsExactly("E-mail");
            });
  }
}
