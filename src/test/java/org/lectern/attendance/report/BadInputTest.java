package org.lectern.attendance.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.attendance.report.Fixtures.ALMATY;
import static org.lectern.attendance.report.Fixtures.session;

import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Files that must be refused with a code and a place, never half-read. */
class BadInputTest {

  private static final ReadContext CTX = session("2024-03-14T10:00", "2024-03-14T12:00", ALMATY);
  private static final String ZOOM_HEADER =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n";

  private static ParsedReport read(String text) {
    return new AttendanceReportReader().read(text.getBytes(UTF_8), CTX);
  }

  private static void assertCode(ThrowingCallable call, String code, int line, int column) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
            });
  }

  @Test
  void emptyFile() {
    assertCode(() -> read(""), "attendance.import.empty", 0, 0);
    assertCode(() -> read("\uFEFF\r\n\r\n"), "attendance.import.empty", 0, 0);
  }

  @Test
  void headerWithoutRowsIsEmpty() {
    assertCode(() -> read(ZOOM_HEADER), "attendance.import.empty", 0, 0);
  }

  @Test
  void pngAndZipAreUnreadable() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
    for (byte[] bytes : new byte[][] {png, zip}) {
      assertCode(
          () -> new AttendanceReportReader().read(bytes, CTX),
          "attendance.import.unreadable",
          0,
          0);
    }
  }

  @Test
  void randomBinaryIsUnreadable() {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    assertCode(
        () -> new AttendanceReportReader().read(garbage, CTX),
        "attendance.import.unreadable",
        0,
        0);
  }

  @Test
  void unknownColumnsNameTheHeader() {
    assertThatThrownBy(() -> read("Student,Mark,Grade\nAsel,5,A\n"))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.unknownFormat");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.args()).containsExactly("Student, Mark, Grade");
            });
  }

  @Test
  void garbledDateNamesItsLineAndColumn() {
    String text =
        ZOOM_HEADER
            + "Asel,asel@advokat.kz,03/14/2024 10:00:00 AM,03/14/2024 11:00:00 AM,60,No\n"
            + "Bolat,bolat@firm.kz,03/14/2024 10:05:00 AM,03/14/2024 11:00:00 AM,55,No\n"
            + "Dana,dana@advokat.kz,03/14/2024 10:10:00 AM,03/1,50,No\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.badDate");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo(4);
              assertThat(e.args()).containsExactly("03/1");
            });
  }

  @Test
  void impossibleDateIsBadDate() {
    String text =
        ZOOM_HEADER + "Asel,asel@advokat.kz,02/30/2024 10:00:00 AM,02/30/2024 11:00 AM,60,No\n";
    assertCode(() -> read(text), "attendance.import.badDate", 2, 3);
  }

  @Test
  void datesThatContradictEachOtherAreRefused() {
    String text =
        ZOOM_HEADER
            + "Asel,asel@advokat.kz,03/14/2024 10:00:00 AM,03/14/2024 11:00:00 AM,60,No\n"
            + "Bolat,bolat@firm.kz,14/03/2024 10:05:00 AM,14/03/2024 11:00:00 AM,55,No\n";
    assertCode(() -> read(text), "attendance.import.inconsistentDates", 3, 3);
  }

  @Test
  void fileAboveTheSizeLimitIsRefusedBeforeReading() {
    byte[] big = new byte[2048];
    Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> new AttendanceReportReader().read(big, CTX.withMaxBytes(1024)))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.tooLarge");
              assertThat(e.args()).containsExactly("2048", "1024");
            });
  }

  @Test
  void defaultLimitIsFiftyMegabytes() {
    assertThat(CTX.maxBytes()).isEqualTo(50L * 1024 * 1024);
    byte[] justOver = new byte[(int) CTX.maxBytes() + 1];
    assertCode(
        () -> new AttendanceReportReader().read(justOver, CTX), "attendance.import.tooLarge", 0, 0);
  }

  @Test
  void mixedDelimitersAreRefusedAtTheFirstDisagreeingLine() {
    String text =
        "Full Name;User Action;Timestamp\n"
            + "Asel;Joined;14.03.2024, 10:00:00\n"
            + "Asel,Left,\"14.03.2024, 11:00:00\"\n"
            + "Bolat;Joined;14.03.2024, 10:00:00\n";
    assertCode(() -> read(text), "attendance.import.mixedDelimiters", 3, 0);
  }

  @Test
  void unparseableDurationInAUniqueUsersList() {
    String text =
        "Name (Original Name),User Email,Total Duration (Minutes),Guest\nAsel,a@b.kz,lots,No\n";
    assertCode(() -> read(text), "attendance.import.badDuration", 2, 3);
  }

  @Test
  void brokenJson() {
    String text = "{\"users\": {\"a\": {\"intIds\": {\n  \"x\": {\"registeredOn\": 1,}";
    assertCode(() -> read(text), "attendance.import.unreadable", 2, 0);
  }
}
