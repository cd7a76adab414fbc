package org.lectern.attendance.report;

import java.util.List;

/**
 * The one entry point of the library: any supported attendance report, as uploaded, to distinct
 * people with their time in the meeting. The format is recognised from the content, never from the
 * file name, because organisers rename and re-save files.
 */
public final class AttendanceReportReader {

  private static final List<FormatReader> READERS =
      List.of(
          new ZoomWebinarReader(),
          new TeamsReportReader(),
          new TeamsEventListReader(),
          new ZoomUsageReader(),
          new ZoomDashboardReader(),
          new BbbCsvReader(),
          new ZoomMeetingReader());

  /**
   * Reads one report.
   *
   * @throws ReportChoiceNeededException when the organiser must choose (day order, meeting)
   * @throws ReportFormatException when the file cannot be read, with code, line and column
   */
  public ParsedReport read(byte[] content, ReadContext ctx) {
    String text = ReportDecoder.decode(content, ctx.maxBytes());
    if (BbbJsonReader.recognises(text)) {
      return BbbJsonReader.read(text, ctx);
    }
    List<Row> rows = TableReader.read(text, DelimiterSniffer.sniff(text));
    if (rows.isEmpty()) {
      throw ReportFormatException.ofFile(ReportFormatException.EMPTY);
    }
    if (ctx.columnMapping().isPresent()) {
      return GenericCsvReader.read(rows, ctx, ctx.columnMapping().get());
    }
    for (FormatReader reader : READERS) {
      if (reader.recognises(rows)) {
        return reader.read(rows, ctx);
      }
    }
    Row first = rows.get(0);
    throw new ReportFormatException(
        ReportFormatException.UNKNOWN_FORMAT, first.line(), 0, String.join(", ", first.cells()));
  }
}
