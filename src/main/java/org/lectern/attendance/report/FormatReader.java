package org.lectern.attendance.report;

import java.util.List;

/** One product family's layout: recognised from the content, read into a {@link ParsedReport}. */
interface FormatReader {

  boolean recognises(List<Row> rows);

  ParsedReport read(List<Row> rows, ReadContext ctx);
}
