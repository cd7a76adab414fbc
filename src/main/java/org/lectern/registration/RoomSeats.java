package org.lectern.registration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seats in the physical room of hybrid sessions, with their own waitlist. Same pattern as the
 * programme: lock the session row, count, decide. Callers already hold the programme lock, so the
 * order is always programme, then sessions by id: no deadlocks.
 */
@Component
record RoomSeats(JdbcClient jdbc) {

  /** Records where the delegate wants to attend; room seats stay REQUESTED until confirmed. */
  void choose(UUID registrationId, Map<UUID, AttendanceMode> choices) {
    jdbc.sql("delete from registration_attendance where registration_id = :r")
        .param("r", registrationId)
        .update();
    new TreeMap<>(choices)
        .forEach(
            (session, mode) ->
                jdbc.sql(
                        """
                        insert into registration_attendance
                          (registration_id, session_id, mode, room_status)
                        values (:r, :s, :m, :st)
                        """)
                    .param("r", registrationId)
                    .param("s", session)
                    .param("m", mode.name())
                    .param("st", mode == AttendanceMode.ROOM ? "REQUESTED" : null)
                    .update());
  }

  /** Turns the registration's requested room seats into seats or room-waitlist places. */
  void allocate(UUID registrationId) {
    for (UUID session : sessions(registrationId, "REQUESTED")) {
      boolean free = hasFreeSeat(session);
      jdbc.sql(
              """
              update registration_attendance set room_status = :st,
                waitlist_seq = case when :st = 'WAITLISTED'
                  then nextval('registration_waitlist_seq') end
              where registration_id = :r and session_id = :s
              """)
          .param("st", free ? "CONFIRMED" : "WAITLISTED")
          .param("r", registrationId)
          .param("s", session)
          .update();
    }
  }

  /** Gives up the registration's room seats (or keeps them as requests) and refills them. */
  void release(UUID registrationId, boolean keepRequest) {
    List<UUID> held = sessions(registrationId, "CONFIRMED");
    jdbc.sql(
            keepRequest
                ? """
                  update registration_attendance set room_status = 'REQUESTED', waitlist_seq = null
                  where registration_id = :r and mode = 'ROOM'
                  """
                : "delete from registration_attendance where registration_id = :r")
        .param("r", registrationId)
        .update();
    held.forEach(this::fill);
  }

  private void fill(UUID session) {
    while (hasFreeSeat(session)) {
      int promoted =
          jdbc.sql(
                  """
                  update registration_attendance set room_status = 'CONFIRMED', waitlist_seq = null
                  where (registration_id, session_id) = (
                    select registration_id, session_id from registration_attendance
                    where session_id = :s and room_status = 'WAITLISTED'
                    order by waitlist_seq limit 1)
                  """)
              .param("s", session)
              .update();
      if (promoted == 0) {
        return;
      }
    }
  }

  private boolean hasFreeSeat(UUID session) {
    Integer capacity =
        jdbc.sql("select room_capacity from session where id = :s for no key update")
            .param("s", session)
            .query((rs, i) -> (Integer) rs.getObject(1))
            .optional()
            .orElse(0);
    if (capacity == null) {
      return true;
    }
    int taken =
        jdbc.sql(
                """
                select count(*) from registration_attendance
                where session_id = :s and room_status = 'CONFIRMED'
                """)
            .param("s", session)
            .query(Integer.class)
            .single();
    return taken < capacity;
  }

  private List<UUID> sessions(UUID registrationId, String status) {
    return jdbc.sql(
            """
            select session_id from registration_attendance
            where registration_id = :r and room_status = :st order by session_id
            """)
        .param("r", registrationId)
        .param("st", status)
        .query(UUID.class)
        .list();
  }

  /** Every choice made for one hybrid session, by registration. */
  Map<UUID, RoomChoice> ofSession(UUID sessionId) {
    Map<UUID, RoomChoice> m = new TreeMap<>();
    jdbc.sql(
            "select registration_id, room_status from registration_attendance where session_id = :s")
        .param("s", sessionId)
        .query(
            rs -> {
              m.put(rs.getObject(1, UUID.class), RoomChoice.of(rs.getString(2)));
            });
    return m;
  }

  /** The registration's room status per session (null for online). */
  Map<UUID, String> of(UUID registrationId) {
    Map<UUID, String> m = new TreeMap<>();
    jdbc.sql(
            """
            select session_id, mode, room_status from registration_attendance
            where registration_id = :r
            """)
        .param("r", registrationId)
        .query(
            (rs, i) ->
                m.put(
                    rs.getObject(1, UUID.class),
                    rs.getString(3) == null ? rs.getString(2) : "ROOM_" + rs.getString(3)))
        .list();
    return m;
  }
}
