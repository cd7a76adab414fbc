package org.lectern.attendance.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.session.Session;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stored results (ADR 0008) follow the attendance they come from: an import marks its session
 * changed; a refresh computes exactly what the attendance page shows; a change nobody refreshed is
 * found and computed by the background task's query.
 */
class AttendanceResultsIT extends AttendanceFixture {

  @Autowired ResultService results;
  @Autowired ProgrammeAttendance programmeAttendance;

  @Test
  void storedResultsEqualThePagesFiguresAndMissedChangesAreFound() {
    var p = programme("Asia/Almaty");
    Session s = session(p, "2024-03-14T10:00", "2024-03-14T12:00");
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim@firm.kz");
    UUID bolat = register(p, "Bolat Nurlanov", "bolat@firm.kz");
    String zoom =
        """
        Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
        Bolat Nurlanov,bolat@firm.kz,03/14/2024 10:10:00 AM,03/14/2024 10:40:00 AM,30,No
        Bolat Nurlanov,bolat@firm.kz,03/14/2024 10:30:00 AM,03/14/2024 11:45:00 AM,75,No
        Айгерим Сарсенбаева,aigerim@firm.kz,03/14/2024 09:50:00 AM,03/14/2024 11:00:00 AM,70,No
        """;
    var res =
        upload(
            s,
            zoom.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("timeZone", "Asia/Almaty"));
    assertThat(res.status()).as(res.body()).isEqualTo(201);

    results.refresh(p.id());
    // Bolat 10:10–11:45 (the overlap counted once): 95 min, 79 %; Aigerim from 10:00: 60 min, 50 %.
    assertThat(stored(s, bolat)).isEqualTo("95/79");
    assertThat(stored(s, aigerim)).isEqualTo("60/50");
    JsonFigures page = JsonFigures.of(attendance(s).json());
    assertThat(page.minutesOf(bolat)).isEqualTo(95);
    assertThat(page.minutesOf(aigerim)).isEqualTo(60);
    // Default rule: 75 % of the one session. Bolat completed, Aigerim did not.
    var completion = programmeAttendance.completionOf(p.id());
    assertThat(completion)
        .filteredOn(c -> c.registrationId().equals(bolat))
        .singleElement()
        .satisfies(c -> assertThat(c.completed()).isTrue());
    assertThat(completion)
        .filteredOn(c -> c.registrationId().equals(aigerim))
        .singleElement()
        .satisfies(c -> assertThat(c.completed()).isFalse());

    // A change written behind the module's back and never refreshed is found, then computed.
    jdbc.sql("update attendance_session_state set version = version + 1 where session_id = :s")
        .param("s", s.id())
        .update();
    assertThat(results.programmesWithStaleSessions()).contains(p.id());
    results.refresh(p.id());
    assertThat(results.programmesWithStaleSessions()).doesNotContain(p.id());
    assertThat(stored(s, bolat)).isEqualTo("95/79");
  }

  private String stored(Session s, UUID registration) {
    return jdbc.sql(
            "select minutes || '/' || percent from attendance_result"
                + " where session_id = :s and registration_id = :r")
        .param("s", s.id())
        .param("r", registration)
        .query(String.class)
        .single();
  }

  /** Minutes per registration on the session's attendance API. */
  record JsonFigures(Map<String, Integer> minutes) {
    static JsonFigures of(tools.jackson.databind.JsonNode list) {
      Map<String, Integer> m = new java.util.HashMap<>();
      for (var a : list) {
        if (a.hasNonNull("registrationId")) {
          m.put(a.get("registrationId").asString(), a.get("minutes").asInt());
        }
      }
      return new JsonFigures(m);
    }

    int minutesOf(UUID registration) {
      return minutes.getOrDefault(registration.toString(), -1);
    }
  }
}
