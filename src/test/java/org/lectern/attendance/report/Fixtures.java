package org.lectern.attendance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test files and session contexts. */
final class Fixtures {

  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/attendance/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static ReadContext session(String start, String end, ZoneId zone) {
    return ReadContext.of(at(start, zone), at(end, zone), zone);
  }

  static ParsedReport read(String name, ReadContext ctx) {
    return new AttendanceReportReader().read(bytes(name), ctx);
  }

  static ReportedParticipant person(ParsedReport report, String emailOrName) {
    return report
        .find(emailOrName)
        .orElseThrow(() -> new AssertionError("no participant " + emailOrName));
  }
}
