package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.attendance.report.Fixtures.at;
import static org.lectern.attendance.report.Fixtures.person;
import static org.lectern.attendance.report.Fixtures.read;
import static org.lectern.attendance.report.Fixtures.session;

import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real exports in src/test/resources/attendance (see SOURCES.md). Every expected figure was
 * counted by hand from the file; the derivation is in the comment next to it.
 */
class RealFixturesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void teamsAttendanceList2020InUtf16LittleEndianGerman() {
    // "11/12/2020" everywhere: only the session date (11 December) decides the day order.
    ParsedReport report =
        read(
            "teams_meeting_2020_attendancelist_utf16le_de.csv",
            session("2020-12-11T12:30", "2020-12-11T16:00", BERLIN));
    assertThat(report.format()).isEqualTo("teams-attendance-list-2020");
    // 39 lines: header + 38 Joined/Left events.
    assertThat(report.rows()).isEqualTo(38);
    // Mustermann Max, Musterfrau Franziska, Huber Uwe, Müller Franz, Müller Hans.
    assertThat(report.participants()).hasSize(5);
    ReportedParticipant max = person(report, "Mustermann Max");
    // 12:27:24-12:45:18 (17:54) + 13:45:41-13:56:48 (11:07) + 15:42:10-15:42:48 (0:38)
    // + 15:53:25-15:59:01 (5:36) = 35:15.
    assertThat(max.intervals()).hasSize(4);
    assertThat(max.minutes()).isEqualTo(35);
    assertThat(max.intervals().get(0).from()).isEqualTo(at("2020-12-11T12:27:24", BERLIN));
    // 12:28:09-12:38:11 (10:02) + 15:45:58-15:46:58 (1:00) + 15:56:39-15:56:46 (0:07) = 11:09.
    assertThat(person(report, "Musterfrau Franziska").minutes()).isEqualTo(11);
    // 6:12 + 5:48 + 17:04 + 16:38 = 45:42.
    assertThat(person(report, "Huber Uwe").minutes()).isEqualTo(45);
    // 5:46 + 10:43 + 1:37 + 7:08 + 0:16 + 0:07 = 25:37.
    assertThat(person(report, "Müller Hans").minutes()).isEqualTo(25);
    // Window 12:30-16:00 clips Max's first join to 12:30:00-12:45:18 (15:18): 32:39 in total.
    assertThat(
            EffectiveAttendance.of(
                    max.intervals(), at("2020-12-11T12:30", BERLIN), at("2020-12-11T16:00", BERLIN))
                .minutes())
        .isEqualTo(32);
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void teamsAttendanceList2020ReadsMonthFirstWhenTheSessionWasInNovember() {
    ParsedReport report =
        read(
            "teams_meeting_2020_attendancelist_utf16le_de.csv",
            session("2020-11-12T12:00", "2020-11-12T16:00", BERLIN));
    assertThat(person(report, "Mustermann Max").intervals().get(0).from())
        .isEqualTo(at("2020-11-12T12:27:24", BERLIN));
  }

  @Test
  void teamsAttendanceList2020AsksForTheDayOrderWhenTheSessionDateDoesNotTell() {
    ReadContext ctx = session("2021-01-20T12:00", "2021-01-20T16:00", BERLIN);
    assertThatThrownBy(() -> read("teams_meeting_2020_attendancelist_utf16le_de.csv", ctx))
        .isInstanceOfSatisfying(
            ReportChoiceNeededException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.ambiguousDates");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.options())
                  .containsExactly(
                      new ChoiceOption("DAY_FIRST", "2020-12-11"),
                      new ChoiceOption("MONTH_FIRST", "2020-11-12"));
            });
    ParsedReport chosen =
        read(
            "teams_meeting_2020_attendancelist_utf16le_de.csv",
            ctx.withDayOrder(DayOrder.DAY_FIRST));
    assertThat(person(chosen, "Huber Uwe").intervals().get(0).from())
        .isEqualTo(at("2020-12-11T12:32:15", BERLIN));
  }

  @Test
  void teamsAttendanceReport2022InUtf16BigEndian() {
    ParsedReport report =
        read(
            "teams_meeting_2022_utf16be_IDL-14-11-22.csv",
            session("2022-11-14T09:30", "2022-11-14T09:50", BERLIN));
    assertThat(report.format()).isEqualTo("teams-attendance-report");
    // 7 rows in "2. Participants" + 7 rows in "3. In-Meeting activities".
    assertThat(report.rows()).isEqualTo(14);
    assertThat(report.participants()).hasSize(7);
    ReportedParticipant organiser = person(report, "jan.janssens.ext@un.int");
    assertThat(organiser.name()).isEqualTo("JANSSENS JAN (EXT)");
    assertThat(organiser.role()).isEqualTo(ParticipantRole.HOST);
    // 09:30:46-09:50:12 = 19:26.
    assertThat(organiser.minutes()).isEqualTo(19);
    // E-mail kept lower-cased: "Johnny.Walker@scotch.aero" in the file.
    assertThat(person(report, "johnny.walker@scotch.aero").role())
        .isEqualTo(ParticipantRole.PRESENTER);
    // "De Compostela, Santiago": a comma inside a tab-separated cell; 09:35:21-09:50:12 = 14:51.
    assertThat(person(report, "De Compostela, Santiago").minutes()).isEqualTo(14);
    // Day first, because "14" cannot be a month.
    assertThat(person(report, "García Simón, Pedro").intervals().get(0).to())
        .isEqualTo(at("2022-11-14T09:50:14", BERLIN));
    assertThat(report.participants().stream().filter(p -> p.role() == ParticipantRole.PRESENTER))
        .hasSize(6);
    MeetingInfo meeting = report.meeting().orElseThrow();
    assertThat(meeting.topic()).isEqualTo("Scrum Meeting");
    assertThat(meeting.start()).isEqualTo(at("2022-11-14T09:29:07", BERLIN));
    assertThat(meeting.end()).isEqualTo(at("2022-11-14T09:50:14", BERLIN));
  }

  @Test
  void zoomMeetingParticipantsWithMeetingData() {
    ParsedReport report =
        read(
            "zoom_meeting_participants_with_meeting_data_SYNTHETIC_zoomclass.csv",
            session("2021-11-19T10:00", "2021-11-19T12:00", NEW_YORK));
    assertThat(report.format()).isEqualTo("zoom-meeting-participants");
    // Lines 5-35: 31 join rows; 27 distinct e-mails (Power Girl, Cyborg Superman, Swarm and
    // Dazzler appear twice).
    assertThat(report.rows()).isEqualTo(31);
    assertThat(report.participants()).hasSize(27);
    ReportedParticipant loki = person(report, "loki_asgardian@marvel.com");
    // "015_Loki (Loki Laufeyson)": display name and original name as alias.
    assertThat(loki.name()).isEqualTo("015_Loki");
    assertThat(loki.aliases()).containsExactly("Loki Laufeyson");
    // 09:54:15 AM - 12:01:59 PM = 2:07:44.
    assertThat(loki.minutes()).isEqualTo(127);
    // 10:08:26-12:01:58 contains the rejoin 10:11:31-12:01:58: one interval of 1:53:32.
    assertThat(person(report, "power-girl_kryptonian@dc.com").intervals()).hasSize(1);
    assertThat(person(report, "power-girl_kryptonian@dc.com").minutes()).isEqualTo(113);
    // 10:08:32-11:00:13 (51:41) + 11:28:11-12:01:58 (33:47) = 85:28.
    assertThat(person(report, "cyborg-superman_cyborg@dc.com").minutes()).isEqualTo(85);
    // 10:14:30-10:24:26 overlaps 10:24:12-12:01:58: 10:14:30-12:01:58 = 1:47:28.
    assertThat(person(report, "swarm_mutant@marvel.com").minutes()).isEqualTo(107);
    // 1:33 + 26:52 = 28:25.
    assertThat(person(report, "dazzler_mutant@marvel.com").minutes()).isEqualTo(28);
    // The meeting row's "User Email" is the host's.
    assertThat(person(report, "green-goblin_human@marvel.com").role())
        .isEqualTo(ParticipantRole.HOST);
    MeetingInfo meeting = report.meeting().orElseThrow();
    assertThat(meeting.id()).isEqualTo("60245167821");
    assertThat(meeting.topic()).isEqualTo("Heroes meeting");
    assertThat(meeting.start()).isEqualTo(at("2021-11-19T10:00", NEW_YORK));
  }

  @Test
  void zoomMeetingUniqueUsersGivesTotalsOnly() {
    ParsedReport report =
        read(
            "zoom_meeting_participants_unique_users_2021_placeholder.csv",
            session("2021-03-01T10:00", "2021-03-01T11:00", NEW_YORK));
    assertThat(report.format()).isEqualTo("zoom-meeting-unique-users");
    assertThat(report.rows()).isEqualTo(21);
    // The author replaced every person by "Firstname Lastname, example@example.com": one identity.
    assertThat(report.participants()).hasSize(1);
    ReportedParticipant only = report.participants().get(0);
    assertThat(only.intervals()).isEmpty();
    // 37+38+38+42+38+38+38+38+38+38+37+37+37+37+37+37+37+37+37+38+34 = 788.
    assertThat(only.reportedMinutes()).isEqualTo(788);
  }

  @Test
  void zoomDashboardWithTimesOfDayOnly() {
    ZoneId chicago = ZoneId.of("America/Chicago");
    ParsedReport report =
        read(
            "zoom_dashboard_meeting_participants_qos_2017.csv",
            session("2017-08-01T16:50", "2017-08-01T18:00", chicago));
    assertThat(report.format()).isEqualTo("zoom-dashboard-participants");
    // 16 participant rows (each followed by a blank line); 13 distinct names
    // (SpongeBob twice, archer three times).
    assertThat(report.rows()).isEqualTo(16);
    assertThat(report.participants()).hasSize(13);
    // 04:53-05:02 PM (9) + 05:05-05:58 PM (53), on the meeting's date Aug 01, 2017.
    ReportedParticipant sponge = person(report, "SpongeBob");
    assertThat(sponge.minutes()).isEqualTo(62);
    assertThat(sponge.intervals().get(0).from()).isEqualTo(at("2017-08-01T16:53", chicago));
    // archer: 05:00-05:00 PM, 05:02-05:59 PM, and 06:00-06:03 AM, which is before the meeting
    // start, so the next morning: 0 + 57 + 3 = 60; only 57 inside the session window.
    ReportedParticipant archer = person(report, "archer");
    assertThat(archer.minutes()).isEqualTo(60);
    assertThat(archer.intervals().get(archer.intervals().size() - 1).from())
        .isEqualTo(at("2017-08-02T06:00", chicago));
    assertThat(
            EffectiveAttendance.of(
                    archer.intervals(),
                    at("2017-08-01T16:50", chicago),
                    at("2017-08-01T18:00", chicago))
                .minutes())
        .isEqualTo(57);
    // The meeting row names Bart Simpson as host.
    assertThat(person(report, "Bart Simpson").role()).isEqualTo(ParticipantRole.HOST);
    assertThat(person(report, "vader").minutes()).isEqualTo(25);
    MeetingInfo meeting = report.meeting().orElseThrow();
    assertThat(meeting.start()).isEqualTo(at("2017-08-01T16:53", chicago));
    assertThat(meeting.end()).isEqualTo(at("2017-08-01T17:59", chicago));
  }

  @Test
  void zoomWebinarAttendeeReport2020() {
    ParsedReport report =
        read(
            "zoom_webinar_attendee_report_2020_anonymised.csv",
            session("2020-03-28T08:00", "2020-03-28T17:15", NEW_YORK));
    assertThat(report.format()).isEqualTo("zoom-webinar-attendee-2020");
    // Data rows: host 1 (line 7) + panelists 73 (lines 10-82) + attendees 940 (lines 85-1024)
    // + other attended 4 (lines 1027-1030) = 1018; 16 of them (lines 1009-1024) are "No".
    assertThat(report.rows()).isEqualTo(1018);
    // 1002 attended rows belong to 481 distinct e-mails/names (counted with a throw-away awk/python
    // pass over the file, grouping by lower-cased e-mail, else by name for "Other Attended").
    assertThat(report.participants()).hasSize(481);
    ReportedParticipant host = person(report, "hostname_1@email.com");
    assertThat(host.role()).isEqualTo(ParticipantRole.HOST);
    // 08:07:27-17:14:45 = 9:07:18.
    assertThat(host.minutes()).isEqualTo(547);
    // Panelist userName_3: 7:11 + 1:58:00 + 4:21 = 2:09:32.
    ReportedParticipant panelist = person(report, "username_3@email.com");
    assertThat(panelist.role()).isEqualTo(ParticipantRole.PANELIST);
    assertThat(panelist.intervals()).hasSize(3);
    assertThat(panelist.minutes()).isEqualTo(129);
    // attendee363, 11 rows (lines 118-128), some touching (12:08:34, 13:40:23): 257:08.
    assertThat(person(report, "attendee363@email.com").minutes()).isEqualTo(257);
    // attendee52: 09:49:50-09:51:42 lies inside 09:20:36-09:57:38, then 09:54:35-17:08:12
    // overlaps: one interval 09:20:36-17:08:12 = 7:47:36.
    assertThat(person(report, "attendee52@email.com").intervals()).hasSize(1);
    assertThat(person(report, "attendee52@email.com").minutes()).isEqualTo(467);
    // attendee327 is panelist "userName_1" (line 10, 24:29) and attendee (line 97, 37:42).
    ReportedParticipant both = person(report, "attendee327@email.com");
    assertThat(both.role()).isEqualTo(ParticipantRole.PANELIST);
    assertThat(both.name()).isEqualTo("userName_1");
    assertThat(both.aliases()).contains("firstAttendee_327 lastAttendee_327");
    assertThat(both.minutes()).isEqualTo(62);
    // "Other Attended" has no e-mail: identity by name; 1:52 PM-2:40 PM.
    ReportedParticipant other = person(report, "userOther_4");
    assertThat(other.email()).isNull();
    assertThat(other.minutes()).isEqualTo(48);
    // Registrant who never came (line 1014).
    assertThat(report.find("attendee66@email.com")).isEmpty();
    long panelists =
        report.participants().stream().filter(p -> p.role() == ParticipantRole.PANELIST).count();
    // 73 panelist rows belong to 31 distinct e-mails (counted with sort -u on column 3).
    assertThat(panelists).isEqualTo(31);
    MeetingInfo meeting = report.meeting().orElseThrow();
    assertThat(meeting.topic()).isEqualTo("satRdays DC 2020");
    assertThat(meeting.id()).isEqualTo("328-972-509");
    // "Mar 28, 2020 8:07 AM" + 548 minutes.
    assertThat(meeting.end()).isEqualTo(at("2020-03-28T17:15", NEW_YORK));
  }

  @Test
  void bigBlueButtonLearningDashboardJson() {
    ZoneId utc = ZoneId.of("UTC");
    ParsedReport report =
        read(
            "bigbluebutton_learning_dashboard_data_testfixture.json",
            session("2022-03-31T18:20", "2022-03-31T18:30", utc));
    assertThat(report.format()).isEqualTo("bbb-dashboard-json");
    // Two users, one intIds entry each.
    assertThat(report.rows()).isEqualTo(2);
    // Both are named "teacher 1" and have no e-mail: one identity under the name rule.
    assertThat(report.participants()).hasSize(1);
    ReportedParticipant teacher = report.participants().get(0);
    assertThat(teacher.role()).isEqualTo(ParticipantRole.HOST);
    // 1648751024163-1648751048419 and 1648751043711-1648751048419 overlap: one interval.
    assertThat(teacher.intervals()).hasSize(1);
    assertThat(teacher.intervals().get(0).from().toEpochMilli()).isEqualTo(1648751024163L);
    assertThat(teacher.intervals().get(0).to().toEpochMilli()).isEqualTo(1648751048419L);
    assertThat(report.meeting().orElseThrow().start().toEpochMilli()).isEqualTo(1648751021700L);
    assertThat(report.meeting().orElseThrow().topic()).isEqualTo("random-7833294");
  }

  @Test
  void panelistCountMatchesDistinctEmailsInThePanelistSection() {
    ParsedReport report =
        read(
            "zoom_webinar_attendee_report_2020_anonymised.csv",
            session("2020-03-28T08:00", "2020-03-28T17:15", NEW_YORK));
    String roles =
        report.participants().stream()
            .map(ReportedParticipant::role)
            .distinct()
            .map(Enum::name)
            .sorted()
            .collect(Collectors.joining(","));
    assertThat(roles).isEqualTo("ATTENDEE,HOST,PANELIST");
  }
}
