package org.lectern.learning;

import java.util.List;

/** Who downloaded a session's materials (an audited listing), newest first. */
public record MaterialDownloadsPage(
    String programmeId, String sessionId, String sessionTitle, List<Row> rows) {

  public record Row(String name, String material, String at) {}
}
