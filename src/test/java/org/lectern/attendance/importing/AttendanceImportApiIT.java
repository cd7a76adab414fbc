package org.lectern.attendance.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.session.Session;
import tools.jackson.databind.JsonNode;

/**
 * Importing reports through the API against registrations whose e-mails or names match some
 * participants. Figures are worked out from the files by hand (see the comments and the parser's
 * RealFixturesTest / SyntheticFormatsTest).
 */
class AttendanceImportApiIT extends AttendanceFixture {

  static final String SECOND_REPORT =
      """
      Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
      Bolat,bolat@firm.kz,03/14/2024 10:10:00 AM,03/14/2024 10:40:00 AM,30,Yes
      Bolat,bolat@firm.kz,03/14/2024 11:30:00 AM,03/14/2024 11:45:00 AM,15,Yes
      Айгерим Сарсенбаева,,03/14/2024 10:00:00 AM,03/14/2024 11:00:00 AM,60,Yes
      "Goliath, David (Guest)",,03/14/2024 10:00:00 AM,03/14/2024 10:30:00 AM,30,Yes
      """;

  @Test
  void zoomMeetingReportMatchesByEmailAndByOriginalNameInLastFirstOrder() {
    var p = programme("America/New_York");
    Session s = session(p, "2021-11-19T10:00", "2021-11-19T12:00");
    var loki = register(p, "Loki Laufeyson", "loki_asgardian@marvel.com");
    // Power Girl's original name is "Kara Zor-L"; registered as "Zor-L, Kara" with another e-mail.
    var kara = register(p, "Zor-L, Kara", "kara@example.org");
    var cyborg = register(p, "Hank Henshaw", "CYBORG-SUPERMAN_cyborg@dc.com");
    registerCancelled(p, "Dazzler", "dazzler_mutant@marvel.com");
    register(p, "Never Came", "absent@example.org");

    var res =
        upload(
            s,
            fixture("zoom_meeting_participants_with_meeting_data_SYNTHETIC_zoomclass.csv"),
            Map.of());

    assertThat(res.status()).as(res.body()).isEqualTo(201);
    JsonNode body = res.json();
    assertThat(body.get("format").asString()).isEqualTo("zoom-meeting-participants");
    assertThat(body.get("rows").asInt()).isEqualTo(31);
    assertThat(body.get("participants").asInt()).isEqualTo(27);
    // Loki (e-mail), Kara (original name, order), Cyborg (e-mail, case); Dazzler cancelled.
    assertThat(body.get("matched").asInt()).isEqualTo(3);
    assertThat(body.get("unmatched").asInt()).isEqualTo(24);

    JsonNode list = attendance(s).json();
    assertThat(list.size()).isEqualTo(27);
    // 09:54:15-12:01:59 clipped to the 10:00-12:00 window: 120 minutes, 100 %.
    assertThat(of(list, loki).get("minutes").asInt()).isEqualTo(120);
    assertThat(of(list, loki).get("percent").asInt()).isEqualTo(100);
    // 10:08:26-12:01:58 (rejoin inside) clipped: 10:08:26-12:00:00 = 111:34, 6694 s / 7200 s.
    assertThat(of(list, kara).get("minutes").asInt()).isEqualTo(111);
    assertThat(of(list, kara).get("percent").asInt()).isEqualTo(92);
    assertThat(of(list, kara).get("name").asString()).isEqualTo("Zor-L, Kara");
    // 10:08:32-11:00:13 (51:41) + 11:28:11-12:00:00 (31:49) = 83:30; 5010 s / 7200 s = 69 %.
    assertThat(of(list, cyborg).get("minutes").asInt()).isEqualTo(83);
    assertThat(of(list, cyborg).get("percent").asInt()).isEqualTo(69);
    assertThat(of(list, cyborg).get("intervals").size()).isEqualTo(2);
    JsonNode goblin = byEmail(list, "green-goblin_human@marvel.com");
    assertThat(goblin.get("role").asString()).isEqualTo("HOST");
    assertThat(goblin.has("registrationId")).isFalse();
    // Dazzler's registration is cancelled: unmatched, 1:33 + 26:52 = 28:25.
    assertThat(byEmail(list, "dazzler_mutant@marvel.com").get("minutes").asInt()).isEqualTo(28);
    assertThat(count("audit_entry where action = 'attendance.listed'")).isPositive();
  }

  @Test
  void teamsReportMatchesLastFirstNamesAndKeepsRoles() {
    var p = programme("Europe/Berlin");
    Session s = session(p, "2022-11-14T09:30", "2022-11-14T09:50");
    var santiago = register(p, "Santiago de Compostela", "santiago@example.org");
    var jan = register(p, "Jan Janssens", "jan.janssens.ext@un.int");

    var res = upload(s, fixture("teams_meeting_2022_utf16be_IDL-14-11-22.csv"), Map.of());

    assertThat(res.status()).as(res.body()).isEqualTo(201);
    assertThat(res.json().get("participants").asInt()).isEqualTo(7);
    assertThat(res.json().get("matched").asInt()).isEqualTo(2);
    JsonNode list = attendance(s).json();
    // "De Compostela, Santiago": 09:35:21-09:50:00 in the window = 14:39.
    assertThat(of(list, santiago).get("minutes").asInt()).isEqualTo(14);
    assertThat(of(list, santiago).get("role").asString()).isEqualTo("PRESENTER");
    // The organiser is the host: 09:30:46-09:50:00 = 19:14; 1154 s / 1200 s = 96 %.
    assertThat(of(list, jan).get("role").asString()).isEqualTo("HOST");
    assertThat(of(list, jan).get("minutes").asInt()).isEqualTo(19);
    assertThat(of(list, jan).get("percent").asInt()).isEqualTo(96);
  }

  @Test
  void theSameFileAgainChangesNothingAndASecondFileMergesIntervals() {
    var p = programme("Asia/Almaty");
    Session s = session(p, "2024-03-14T10:00", "2024-03-14T12:00");
    var bolat = register(p, "Bolat Nurlanov", "bolat@firm.kz");
    var asel = register(p, "Asel Akhmetova", "asel.other@mail.kz");
    var aigerim = register(p, "Aigerim Sarsenbayeva", "aigerim@mail.kz");
    var david = register(p, "David Goliath", "david@example.org");
    byte[] usage = fixture("synthetic/zoom_usage_multi_meeting_SYNTHETIC.csv");

    var first = upload(s, usage, Map.of());
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("format").asString()).isEqualTo("zoom-usage-multi-meeting");
    // Host, Asel (Cyrillic name with Latin original name), Bolat (e-mail).
    assertThat(first.json().get("participants").asInt()).isEqualTo(3);
    assertThat(first.json().get("matched").asInt()).isEqualTo(2);
    int people = count("attendance_participant where session_id = '" + s.id() + "'");
    int intervals = count("attendance_interval");

    var again = upload(s, usage, Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("repeated").asBoolean()).isTrue();
    assertThat(count("attendance_participant where session_id = '" + s.id() + "'"))
        .isEqualTo(people);
    assertThat(count("attendance_interval")).isEqualTo(intervals);
    assertThat(count("attendance_import where session_id = '" + s.id() + "'")).isEqualTo(1);

    var second = upload(s, SECOND_REPORT.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    // Bolat (e-mail), Айгерим Сарсенбаева ~ Aigerim Sarsenbayeva, "Goliath, David (Guest)".
    assertThat(second.json().get("matched").asInt()).isEqualTo(3);

    JsonNode list = attendance(s).json();
    // Bolat: 10:30-11:00 (first file) with 10:10-10:40 and 11:30-11:45 (second) =
    // 10:10-11:00 + 11:30-11:45 = 65 minutes; summing rows would give 75.
    assertThat(of(list, bolat).get("minutes").asInt()).isEqualTo(65);
    assertThat(of(list, bolat).get("intervals").size()).isEqualTo(2);
    // Asel: 10:00:10-10:50:10 and 10:49:00-11:59:59 overlap: 119:49, 7189 s / 7200 s = 99 %.
    assertThat(of(list, asel).get("minutes").asInt()).isEqualTo(119);
    assertThat(of(list, asel).get("percent").asInt()).isEqualTo(99);
    assertThat(of(list, aigerim).get("minutes").asInt()).isEqualTo(60);
    assertThat(of(list, david).get("minutes").asInt()).isEqualTo(30);
    assertThat(list.size()).isEqualTo(5);
  }

  @Test
  void unreadableFilesAreRefusedNamingTheLineAndStoreNothing() {
    var p = programme("Asia/Almaty");
    Session s = session(p, "2024-03-14T10:00", "2024-03-14T12:00");
    int imports = count("attendance_import");
    int people = count("attendance_participant");

    var empty = upload(s, new byte[0], Map.of());
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(empty.json().get("code").asString()).isEqualTo("attendance.import.empty");

    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0
    };
    var pngAnswer = upload(s, png, Map.of()).json();
    assertThat(pngAnswer.get("code").asString()).isEqualTo("attendance.import.unreadable");
    // Why, in the caller's language — not the reader's own word for it ("binary").
    assertThat(pngAnswer.get("detail").asString())
        .isEqualTo("The file cannot be read (it is not a text file).");

    var unknown = upload(s, "Colour,Shape\nred,round\n".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("code").asString()).isEqualTo("attendance.import.unknownFormat");
    assertThat(unknown.json().get("line").asInt()).isEqualTo(1);

    String badDate =
        """
        Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
        Gulnara Abenova,gulnara@advokat.kz,03/14/2024 10:00:00 AM,03/14/2024 11:00:00 AM,60,Yes
        Serik,serik@firm.kz,03/14/2024 10:15:00 AM,the 14th at noon,30,Yes
        """;
    var bad = upload(s, badDate.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("code").asString()).isEqualTo("attendance.import.badDate");
    assertThat(bad.json().get("line").asInt()).isEqualTo(3);
    assertThat(bad.json().get("detail").asString())
        .startsWith("Line 3:")
        .contains("the 14th at noon");

    var otherDay = upload(s, fixture("zoom_dashboard_meeting_participants_qos_2017.csv"), Map.of());
    assertThat(otherDay.status()).isEqualTo(422);
    assertThat(otherDay.json().get("code").asString()).isEqualTo("attendance.import.otherDay");

    assertThat(count("attendance_import")).isEqualTo(imports);
    assertThat(count("attendance_participant")).isEqualTo(people);
  }

  @Test
  void aFileWithSeveralMeetingsAsksWhichAndThenImportsTheChosenOne() {
    var p = programme("Asia/Almaty");
    // No meeting of the file overlaps 13:00-15:00 on 14 March.
    Session s = session(p, "2024-03-14T13:00", "2024-03-14T15:00");
    byte[] usage = fixture("synthetic/zoom_usage_multi_meeting_SYNTHETIC.csv");

    var ask = upload(s, usage, Map.of());
    assertThat(ask.status()).as(ask.body()).isEqualTo(422);
    assertThat(ask.json().get("code").asString()).isEqualTo("attendance.import.ambiguousMeeting");
    assertThat(ask.json().get("choice").asString()).isEqualTo("meeting");
    assertThat(ask.json().get("options").size()).isEqualTo(3);
    assertThat(ask.json().get("options").get(1).get("value").asString())
        .isEqualTo("82222222222@2024-03-14T09:57");
    assertThat(count("attendance_import where session_id = '" + s.id() + "'")).isZero();

    var chosen = upload(s, usage, Map.of("meeting", "82222222222@2024-03-14T09:57"));
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
    assertThat(chosen.json().get("rows").asInt()).isEqualTo(4);
    assertThat(chosen.json().get("participants").asInt()).isEqualTo(3);
  }

  @Test
  void anotherOrganisationsSessionIsNotFound() {
    var p = programme("Asia/Almaty");
    Session s = session(p, "2024-03-14T10:00", "2024-03-14T12:00");
    var stranger = fixtures.organiser("other");
    String strangerToken = tokens.issue(stranger.id(), "t").token();
    var res =
        upload(
            s,
            fixture("synthetic/zoom_usage_multi_meeting_SYNTHETIC.csv"),
            Map.of(),
            strangerToken);
    assertThat(res.status()).isEqualTo(404);
    assertThat(count("attendance_import where session_id = '" + s.id() + "'")).isZero();
  }

  static JsonNode of(JsonNode list, UUID registrationId) {
    for (JsonNode n : list) {
      if (n.has("registrationId")
          && n.get("registrationId").asString().equals(registrationId.toString())) {
        return n;
      }
    }
    throw new AssertionError("no attendee for registration " + registrationId + " in " + list);
  }

  static JsonNode byEmail(JsonNode list, String email) {
    for (JsonNode n : list) {
      if (n.has("email") && n.get("email").asString().equalsIgnoreCase(email)) {
        return n;
      }
    }
    throw new AssertionError("no attendee " + email);
  }
}
