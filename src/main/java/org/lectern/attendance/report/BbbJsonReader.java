package org.lectern.attendance.report;

import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BigBlueButton Learning Dashboard data (the JSON its CSV download is built from): users keyed by
 * user key, each with one entry per join ({@code intIds}) in epoch milliseconds.
 */
final class BbbJsonReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BbbJsonReader() {}

  static boolean recognises(String text) {
    String start = text.stripLeading();
    return start.startsWith("{") && text.contains("\"users\"") && text.contains("\"intIds\"");
  }

  static ParsedReport read(String text, ReadContext ctx) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ReportFormatException(ReportFormatException.UNREADABLE, line, 0, "json");
    }
    Instant ended = millis(root.path("endedOn"));
    ReportBuilder report = new ReportBuilder("bbb-dashboard-json");
    for (Map.Entry<String, JsonNode> user : root.path("users").properties()) {
      readUser(user.getValue(), ended, report);
    }
    report.meeting(
        new MeetingInfo(
            root.path("intId").asString(null),
            root.path("name").asString(null),
            millis(root.path("createdOn")),
            ended));
    return report.build();
  }

  private static void readUser(JsonNode user, Instant ended, ReportBuilder report) {
    ParticipantRole role =
        user.path("isModerator").asBoolean(false) ? ParticipantRole.HOST : ParticipantRole.ATTENDEE;
    Person person = new Person(user.path("name").asString(""), null, null, role);
    for (Map.Entry<String, JsonNode> join : user.path("intIds").properties()) {
      report.row();
      Instant from = millis(join.getValue().path("registeredOn"));
      Instant to = millis(join.getValue().path("leftOn"));
      if (from == null) {
        continue;
      }
      if (to == null) {
        report.warn("attendance.import.openJoin", 0, person.name());
        to = ended == null ? from : ended;
      }
      report.attend(person, from, to, 0);
    }
  }

  /** BigBlueButton writes 0 for "not yet". */
  private static Instant millis(JsonNode node) {
    long value = node.asLong(0);
    return value <= 0 ? null : Instant.ofEpochMilli(value);
  }
}
