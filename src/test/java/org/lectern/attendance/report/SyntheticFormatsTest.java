package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.attendance.report.Fixtures.ALMATY;
import static org.lectern.attendance.report.Fixtures.at;
import static org.lectern.attendance.report.Fixtures.person;
import static org.lectern.attendance.report.Fixtures.read;
import static org.lectern.attendance.report.Fixtures.session;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Layouts not among the real exports, written by hand in attendance/synthetic/ after the shapes the
 * products write (SOURCES.md). Figures come from the files as written, derivations in comments.
 */
class SyntheticFormatsTest {

  private static final ReadContext MARCH_14 =
      session("2024-03-14T10:00", "2024-03-14T12:00", ALMATY);

  @Test
  void zoomWebinar2025PaddedWithCommas() {
    ParsedReport report = read("synthetic/zoom_webinar_attendee_2025_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("zoom-webinar-attendee-2025");
    // host 1 + panelist 2 + attendee 4 (one "No") + other 1.
    assertThat(report.rows()).isEqualTo(8);
    // Sadykova, Omarov, Nurlanova (two rows, e-mail differs in case), Timur, Guest 1234.
    assertThat(report.participants()).hasSize(5);
    ReportedParticipant omarov = person(report, "d.omarov@kazguu.kz");
    assertThat(omarov.name()).isEqualTo("Prof. Daniyar Omarov");
    assertThat(omarov.aliases()).containsExactly("Daniyar Omarov");
    assertThat(omarov.role()).isEqualTo(ParticipantRole.PANELIST);
    // 10:05:00-11:00:30 and 11:00:30-11:45:00 touch: one interval of 100 minutes.
    assertThat(omarov.intervals()).hasSize(1);
    assertThat(omarov.minutes()).isEqualTo(100);
    // 10:02-10:40 and 10:30-11:50 overlap: 10:02-11:50.
    assertThat(person(report, "aigul.n@advokat.kz").minutes()).isEqualTo(108);
    assertThat(person(report, "aigul.n@advokat.kz").name()).isEqualTo("Айгуль Нурланова");
    // Host 09:58:10-12:02:40: 124 minutes, all 120 of the session window.
    ReportedParticipant host = person(report, "a.sadykova@lawcentre.kz");
    assertThat(host.role()).isEqualTo(ParticipantRole.HOST);
    assertThat(host.minutes()).isEqualTo(124);
    assertThat(
            EffectiveAttendance.of(
                host.intervals(), MARCH_14.scheduledStart(), MARCH_14.scheduledEnd()))
        .isEqualTo(new EffectiveAttendance(120, 100));
    assertThat(report.find("erlan.zh@mail.kz")).isEmpty();
    assertThat(person(report, "Guest 1234").minutes()).isEqualTo(10);
    assertThat(report.meeting().orElseThrow().end()).isEqualTo(at("2024-03-14T12:02", ALMATY));
  }

  @Test
  void zoomLowerCaseHeadersFrom2024WebPortal() {
    ParsedReport report =
        read("synthetic/zoom_meeting_participants_lowercase_2024_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("zoom-meeting-participants");
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.participants()).hasSize(3);
    // 09:59:30-10:31:15 (31:45) + 10:31:20-11:58:00 (86:40) = 118:25.
    ReportedParticipant zhanna = person(report, "zhanna.kim@advokat.kz");
    assertThat(zhanna.minutes()).isEqualTo(118);
    // In the window: 31:15 + 86:40 = 117:55 of 120:00 = 98.26 %.
    assertThat(
            EffectiveAttendance.of(
                zhanna.intervals(), MARCH_14.scheduledStart(), MARCH_14.scheduledEnd()))
        .isEqualTo(new EffectiveAttendance(117, 98));
    // "Marat<NBSP> Ospanov" and "MARAT OSPANOV" without e-mail: one person by normalised name.
    ReportedParticipant marat = person(report, "Marat Ospanov");
    assertThat(marat.email()).isNull();
    assertThat(marat.minutes()).isEqualTo(75);
    assertThat(person(report, "host@lectern.kz").role()).isEqualTo(ParticipantRole.HOST);
    assertThat(report.meeting().orElseThrow().topic()).isEqualTo("Корпоративное право: семинар");
  }

  @Test
  void zoomUsageReportPicksTheMeetingThatOverlapsTheSession() {
    ParsedReport report = read("synthetic/zoom_usage_multi_meeting_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("zoom-usage-multi-meeting");
    // Only the four rows of meeting 82222222222 on 14 March.
    assertThat(report.rows()).isEqualTo(4);
    assertThat(report.participants()).hasSize(3);
    // 10:00:10-10:50:10 and 10:49:00-11:59:59 overlap: 119:49.
    ReportedParticipant asel = person(report, "asel@advokat.kz");
    assertThat(asel.name()).isEqualTo("Асель Ахметова");
    assertThat(asel.aliases()).containsExactly("Asel Akhmetova");
    assertThat(asel.minutes()).isEqualTo(119);
    assertThat(person(report, "bolat@firm.kz").minutes()).isEqualTo(30);
    assertThat(person(report, "host@lectern.kz").role()).isEqualTo(ParticipantRole.HOST);
    assertThat(report.meeting().orElseThrow().start()).isEqualTo(at("2024-03-14T09:57", ALMATY));
  }

  @Test
  void zoomUsageReportAsksWhichMeetingWhenNoneOverlaps() {
    ReadContext friday = session("2024-03-15T10:00", "2024-03-15T12:00", ALMATY);
    String file = "synthetic/zoom_usage_multi_meeting_SYNTHETIC.csv";
    assertThatThrownBy(() -> read(file, friday))
        .isInstanceOfSatisfying(
            ReportChoiceNeededException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.ambiguousMeeting");
              assertThat(e.options())
                  .containsExactly(
                      new ChoiceOption("81111111111", "Procedural law, 2024-03-13T10:00"),
                      new ChoiceOption(
                          "82222222222@2024-03-14T09:57", "Arbitration, 2024-03-14T09:57"),
                      new ChoiceOption(
                          "82222222222@2024-03-21T09:58", "Arbitration, 2024-03-21T09:58"));
            });
    ParsedReport chosen = read(file, friday.withMeeting("82222222222@2024-03-21T09:58"));
    // 21 March: host 09:58-12:00 and Bolat 10:00-10:20.
    assertThat(chosen.rows()).isEqualTo(2);
    assertThat(person(chosen, "bolat@firm.kz").minutes()).isEqualTo(20);
    assertThatThrownBy(() -> read(file, friday.withMeeting("999")))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> assertThat(e.code()).isEqualTo("attendance.import.unknownMeeting"));
  }

  @Test
  void zoomActiveHostsWithDuplicateColumnNames() {
    ParsedReport report =
        read("synthetic/zoom_active_hosts_duplicate_columns_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("zoom-usage-multi-meeting");
    assertThat(report.rows()).isEqualTo(4);
    // Ruslan's own "User Email" is empty; the host's copy of the column must not be taken.
    assertThat(report.participants()).hasSize(3);
    ReportedParticipant ruslan = person(report, "Ruslan Ibraimov");
    assertThat(ruslan.email()).isNull();
    assertThat(ruslan.minutes()).isEqualTo(10);
    // 10:05-11:00 + 11:00-11:30 touch: 85 minutes in one interval.
    assertThat(person(report, "dana@advokat.kz").intervals()).hasSize(1);
    assertThat(person(report, "dana@advokat.kz").minutes()).isEqualTo(85);
    assertThat(person(report, "host@lectern.kz").minutes()).isEqualTo(121);
  }

  @Test
  void doubledByteOrderMarkIsIgnored() {
    ParsedReport report =
        read("synthetic/zoom_meeting_participants_double_bom_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("zoom-meeting-participants");
    assertThat(report.participants()).hasSize(2);
    assertThat(person(report, "gulnara@advokat.kz").minutes()).isEqualTo(60);
    assertThat(person(report, "gulnara@advokat.kz").name()).isEqualTo("Gulnara Abenova");
  }

  @Test
  void teamsListResavedByExcel() {
    ParsedReport report =
        read("synthetic/teams_attendancelist_excel_resaved_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-attendance-list-2020");
    assertThat(report.rows()).isEqualTo(7);
    assertThat(report.participants()).hasSize(3);
    // 9:58:40-10:40:00 (41:20) + 10:42:00-11:55:30 (73:30) = 114:50.
    assertThat(person(report, "Aliya Serikova").minutes()).isEqualTo(114);
    // "Joined before" 10:00 ... Left 11:00.
    assertThat(person(report, "Nurlan Abishev").minutes()).isEqualTo(60);
    // Dmitry never left: until the session end 12:00, with a warning on his line (8).
    assertThat(person(report, "Dmitry Lee").minutes()).isEqualTo(30);
    assertThat(report.warnings())
        .containsExactly(ReportWarning.of("attendance.import.openJoin", 8, "Dmitry Lee"));
  }

  @Test
  void teamsReportInFrenchUtf16WithNoBreakSpaces() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    ParsedReport report =
        read(
            "synthetic/teams_report_fr_utf16le_SYNTHETIC.csv",
            session("2021-04-13T09:00", "2021-04-13T11:45", paris));
    assertThat(report.format()).isEqualTo("teams-attendance-report");
    // 3 participant rows + 4 activity rows.
    assertThat(report.rows()).isEqualTo(7);
    assertThat(report.participants()).hasSize(3);
    assertThat(person(report, "claire.dubois@barreau.fr").role()).isEqualTo(ParticipantRole.HOST);
    // 09:01:31-11:45:40 = 2:44:09.
    assertThat(person(report, "claire.dubois@barreau.fr").minutes()).isEqualTo(164);
    // Activities: 09:05-10:00 (55) + 10:30-11:40 (70), not the 09:05-11:40 span of section 2.
    ReportedParticipant askar = person(report, "askar@advokat.kz");
    assertThat(askar.role()).isEqualTo(ParticipantRole.PRESENTER);
    assertThat(askar.intervals()).hasSize(2);
    assertThat(askar.minutes()).isEqualTo(125);
    assertThat(person(report, "Léa Martin").role()).isEqualTo(ParticipantRole.ATTENDEE);
    assertThat(report.meeting().orElseThrow().start()).isEqualTo(at("2021-04-13T09:01:31", paris));
    assertThat(report.meeting().orElseThrow().topic()).isEqualTo("Droit des contrats");
  }

  @Test
  void teamsReportInGerman() {
    ParsedReport report = read("synthetic/teams_report_de_utf8bom_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-attendance-report");
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.participants()).hasSize(2);
    assertThat(person(report, "jonas.becker@kanzlei.de").role()).isEqualTo(ParticipantRole.HOST);
    // 10:00:05-10:20:05 (20) + 10:25:05-11:59:05 (94).
    assertThat(person(report, "sabina@advokat.kz").minutes()).isEqualTo(114);
    assertThat(person(report, "sabina@advokat.kz").role()).isEqualTo(ParticipantRole.ATTENDEE);
    // "14.3.2024": dotted dates are always day first.
    assertThat(report.meeting().orElseThrow().start()).isEqualTo(at("2024-03-14T09:58", ALMATY));
  }

  @Test
  void teamsReportInRussianCp1251WithSemicolons() {
    ParsedReport report =
        read("synthetic/teams_report_ru_cp1251_semicolon_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-attendance-report");
    assertThat(report.rows()).isEqualTo(7);
    assertThat(report.participants()).hasSize(3);
    assertThat(person(report, "erzhan@lectern.kz").name()).isEqualTo("Ержан Касымов");
    assertThat(person(report, "erzhan@lectern.kz").role()).isEqualTo(ParticipantRole.HOST);
    assertThat(person(report, "sanzhar@kazguu.kz").role()).isEqualTo(ParticipantRole.PRESENTER);
    // 10:00-10:44 (44) + 11:00-11:30 (30).
    assertThat(person(report, "olga.petrova@advokat.kz").minutes()).isEqualTo(74);
    assertThat(report.meeting().orElseThrow().topic()).isEqualTo("Семинар по налоговому праву");
  }

  @Test
  void teamsListInRussianUtf16WithoutByteOrderMark() {
    ParsedReport report =
        read("synthetic/teams_attendancelist_ru_utf16le_nobom_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-attendance-list-2020");
    assertThat(report.rows()).isEqualTo(6);
    assertThat(report.participants()).hasSize(2);
    // 10:00:05-10:30:05 (30:00) + 10:35:05-11:59:35 (84:30).
    assertThat(person(report, "Ольга Петрова").minutes()).isEqualTo(114);
    // "Присоединился до" 09:59 ... "Покинул" 11:00.
    assertThat(person(report, "Айдос Серикбаев").minutes()).isEqualTo(61);
  }

  @Test
  void teamsWebinarWithRegistrationColumnsAndNoActivitiesSection() {
    ParsedReport report = read("synthetic/teams_webinar_registration_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-webinar");
    assertThat(report.rows()).isEqualTo(3);
    // Kairat registered but has no join: not a participant.
    assertThat(report.participants()).hasSize(2);
    assertThat(report.find("kairat@advokat.kz")).isEmpty();
    // Span 10:01-11:50 is 109 minutes but Teams says 1h 29m: the reported total counts, warned.
    ReportedParticipant arman = person(report, "arman@advokat.kz");
    assertThat(arman.reportedMinutes()).isEqualTo(89);
    assertThat(arman.minutes()).isEqualTo(89);
    assertThat(report.warnings())
        .containsExactly(
            ReportWarning.of("attendance.import.spanOnly", 11, "Arman Zhunusov", "89", "109"));
    assertThat(person(report, "madina@lectern.kz").role()).isEqualTo(ParticipantRole.HOST);
    // "3/14/24, 9:59:00 AM": month first (14), two-digit year.
    assertThat(report.meeting().orElseThrow().start()).isEqualTo(at("2024-03-14T09:59", ALMATY));
  }

  @Test
  void teamsLiveEventTimesAreUtc() {
    ParsedReport report = read("synthetic/teams_live_event_AttendeeReport_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("teams-live-event");
    assertThat(report.rows()).isEqualTo(8);
    assertThat(report.participants()).hasSize(3);
    ReportedParticipant zarina = person(report, "zarina@advokat.kz");
    // 05:00:10Z-05:40:10Z (40) + 05:45Z-06:50Z (65).
    assertThat(zarina.minutes()).isEqualTo(105);
    assertThat(zarina.intervals().get(0).from())
        .isEqualTo(at("2024-03-14T05:00:10", ZoneOffset.UTC));
    assertThat(person(report, "producer@lectern.kz").role()).isEqualTo(ParticipantRole.CO_HOST);
    // Anonymous attendee: no name, the participant id stands in.
    assertThat(person(report, "6f0e2a1c-9d3b-4c55-a1e2-5b7c9d0e1f23").minutes()).isEqualTo(10);
  }

  @Test
  void bigBlueButtonDashboardCsv() {
    ParsedReport report = read("synthetic/bbb_dashboard_SYNTHETIC.csv", MARCH_14);
    assertThat(report.format()).isEqualTo("bbb-dashboard-csv");
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.participants()).hasSize(3);
    assertThat(person(report, "Нурсултан Бекенов").role()).isEqualTo(ParticipantRole.HOST);
    assertThat(person(report, "Нурсултан Бекенов").minutes()).isEqualTo(122);
    assertThat(person(report, "Alina Kim").minutes()).isEqualTo(90);
    // Daniyar's "Left" is "-": still online, counted to the session end 12:00 and warned.
    assertThat(person(report, "Daniyar").minutes()).isEqualTo(90);
    assertThat(report.warnings())
        .containsExactly(ReportWarning.of("attendance.import.openJoin", 4, "Daniyar"));
  }
}
