package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time at a discussion table counts as time in the session: a delegate who did nothing else in the
 * session is present for the minutes they sat at a table, and the session's figures count who sat
 * at tables (the report shows that count, suppressed for funders like the others).
 */
class TableAttendanceIT extends IntegrationTest {

  @Autowired LiveFixtures fx;
  @Autowired TableService desk;
  @Autowired ProgrammeAttendance attendance;
  @Autowired JdbcClient jdbc;

  @Test
  void minutesAtATableCountForTheSessionAndTheReport() {
    var room = fx.running();
    var aigerim = fx.delegate(room, "Aigerim Nurlanovna");
    var bolat = fx.delegate(room, "Bolat Serikovich");
    fx.join(room, aigerim, "Aigerim");
    fx.join(room, bolat, null);
    desk.open(
        fx.organiser(room),
        new TablesForm(
            20,
            6,
            TableRound.Grouping.RANDOM,
            TableRound.Mixing.MIXED,
            TableProvider.LECTERN,
            "Q",
            List.of()));
    // The round ran for five minutes (the clock is not ours to move; the seats are).
    jdbc.sql(
            "update live_table_seat set seated_at = now() - interval '5 minutes'"
                + " where round_id in (select id from live_table_round where session_id = :s)")
        .param("s", room.sessionId())
        .update();
    desk.close(fx.organiser(room));

    var figures = attendance.sessionFigures(room.programmeId()).orElseThrow();
    var session =
        figures.stream()
            .filter(f -> f.sessionId().equals(room.sessionId()))
            .findFirst()
            .orElseThrow();
    assertThat(session.delegates()).isEqualTo(2);
    assertThat(session.tables()).isEqualTo(2);
    assertThat(session.online()).isZero();
    assertThat(session.room()).isZero();
    Integer minutes =
        jdbc.sql(
                "select minutes from attendance_result where session_id = :s and registration_id = :r")
            .param("s", room.sessionId())
            .param("r", aigerim.registrationId())
            .query(Integer.class)
            .single();
    assertThat(minutes).isBetween(4, 6);
  }
}
