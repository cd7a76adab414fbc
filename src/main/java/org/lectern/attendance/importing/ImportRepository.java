package org.lectern.attendance.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.ParticipantRole;
import org.lectern.attendance.results.SessionVersionRepository;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.ProgrammeCipher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports, people and their intervals per session. Writes are batched: a 10,000-row report is a
 * handful of statements, not one per person.
 */
@Component
public record ImportRepository(
    JdbcClient jdbc,
    NamedParameterJdbcTemplate batch,
    PersonalDataCipher cipher,
    Clock clock,
    SessionVersionRepository versions) {

  public static final String NAME = "attendance.name";
  public static final String EMAIL = "attendance.email";

  /** Serialises imports of one session: two uploads of a file never both insert. */
  void lockSession(UUID sessionId) {
    jdbc.sql("select id from session_facts where id = :id for update")
        .param("id", sessionId)
        .query()
        .listOfRows();
  }

  Optional<ImportSummary> findImport(UUID sessionId, String hash) {
    return jdbc.sql(
            """
            select id, format, rows, participants, matched, unmatched from attendance_import
            where session_id = :s and content_hash = :h
            """)
        .param("s", sessionId)
        .param("h", hash)
        .query(
            (rs, i) ->
                new ImportSummary(
                    rs.getObject("id", UUID.class),
                    rs.getString("format"),
                    rs.getInt("rows"),
                    rs.getInt("participants"),
                    rs.getInt("matched"),
                    rs.getInt("unmatched"),
                    false))
        .optional();
  }

  void insertImport(UUID sessionId, String hash, ImportSummary s, UUID actor) {
    jdbc.sql(
            """
            insert into attendance_import (id, session_id, content_hash, format, rows, participants,
              matched, unmatched, imported_by, imported_at)
            values (:id, :s, :h, :f, :r, :p, :m, :u, :by, :at)
            """)
        .param("id", s.importId())
        .param("s", sessionId)
        .param("h", hash)
        .param("f", s.format())
        .param("r", s.rows())
        .param("p", s.participants())
        .param("m", s.matched())
        .param("u", s.unmatched())
        .param("by", actor)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  int countImports(UUID sessionId) {
    return jdbc.sql("select count(*) from attendance_import where session_id = :s")
        .param("s", sessionId)
        .query(Integer.class)
        .single();
  }

  /** Everyone recorded for the session, by person key, with online intervals. */
  public Map<String, StoredPerson> people(UUID sessionId) {
    Map<UUID, List<Interval>> intervals = new LinkedHashMap<>();
    jdbc.sql(
            """
            select i.participant_id, i.starts_at, i.ends_at from attendance_interval i
            join attendance_participant p on p.id = i.participant_id
            where p.session_id = :s and i.source = 'ONLINE' order by i.starts_at
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              intervals
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Interval(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
            });
    Map<String, StoredPerson> people = new LinkedHashMap<>();
    jdbc.sql(
            """
            select id, person_key, registration_id, display_name, email, role, reported_minutes
            from attendance_participant where session_id = :s order by updated_at, id
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              people.put(
                  rs.getString("person_key"),
                  new StoredPerson(
                      id,
                      rs.getString("person_key"),
                      rs.getObject("registration_id", UUID.class),
                      cipher.decrypt(rs.getBytes("display_name"), NAME),
                      cipher.decrypt(rs.getBytes("email"), EMAIL),
                      ParticipantRole.valueOf(rs.getString("role")),
                      (Integer) rs.getObject("reported_minutes"),
                      intervals.getOrDefault(id, List.of())));
            });
    return people;
  }

  /**
   * Writes the merged people: inserts new ones, updates the others, and replaces their online
   * intervals with the merged set. New rows go in as one statement each for people and intervals
   * (arrays unnested by PostgreSQL), so a large report costs a few round trips, not thousands.
   */
  private UUID programmeOf(UUID sessionId) {
    return jdbc.sql("select programme_id from session_facts where id = :s")
        .param("s", sessionId)
        .query(UUID.class)
        .single();
  }

  void save(UUID sessionId, UUID importId, List<StoredPerson> people, boolean[] existing) {
    var now = Timestamp.from(clock.instant());
    ProgrammeCipher sealed = cipher.forProgramme(programmeOf(sessionId));
    List<StoredPerson> inserts = new ArrayList<>();
    List<MapSqlParameterSource> updates = new ArrayList<>();
    List<UUID> ivPerson = new ArrayList<>();
    List<Timestamp> ivFrom = new ArrayList<>();
    List<Timestamp> ivTo = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      StoredPerson p = people.get(i);
      if (existing[i]) {
        updates.add(
            new MapSqlParameterSource()
                .addValue("id", p.id())
                .addValue("r", p.registrationId())
                .addValue("n", sealed.encrypt(p.name(), NAME))
                .addValue("e", sealed.encrypt(p.email(), EMAIL))
                .addValue("role", p.role().name())
                .addValue("min", p.reportedMinutes())
                .addValue("imp", importId)
                .addValue("now", now));
      } else {
        inserts.add(p);
      }
      for (Interval iv : p.online()) {
        ivPerson.add(p.id());
        ivFrom.add(Timestamp.from(iv.from()));
        ivTo.add(Timestamp.from(iv.to()));
      }
    }
    versions.touch(sessionId);
    insertPeople(sessionId, importId, inserts, now, sealed);
    batch.batchUpdate(
        """
        update attendance_participant set registration_id = :r, display_name = :n, email = :e,
          role = :role, reported_minutes = :min, source_import_id = :imp, updated_at = :now
        where id = :id
        """,
        updates.toArray(MapSqlParameterSource[]::new));
    batch.batchUpdate(
        "delete from attendance_interval where participant_id = :id and source = 'ONLINE'",
        updates.toArray(MapSqlParameterSource[]::new));
    if (!ivPerson.isEmpty()) {
      jdbc.sql(
              """
              insert into attendance_interval (participant_id, source, starts_at, ends_at)
              select p, 'ONLINE', f, t from unnest(:p::uuid[], :f::timestamptz[], :t::timestamptz[])
                as x(p, f, t)
              """)
          .param("p", ivPerson.toArray(UUID[]::new))
          .param("f", ivFrom.toArray(Timestamp[]::new))
          .param("t", ivTo.toArray(Timestamp[]::new))
          .update();
    }
  }

  private void insertPeople(
      UUID sessionId,
      UUID importId,
      List<StoredPerson> people,
      Timestamp now,
      ProgrammeCipher sealed) {
    if (people.isEmpty()) {
      return;
    }
    int n = people.size();
    UUID[] ids = new UUID[n];
    String[] keys = new String[n];
    UUID[] regs = new UUID[n];
    byte[][] names = new byte[n][];
    byte[][] emails = new byte[n][];
    String[] roles = new String[n];
    Integer[] minutes = new Integer[n];
    for (int i = 0; i < n; i++) {
      StoredPerson p = people.get(i);
      ids[i] = p.id();
      keys[i] = p.key();
      regs[i] = p.registrationId();
      names[i] = sealed.encrypt(p.name(), NAME);
      emails[i] = sealed.encrypt(p.email(), EMAIL);
      roles[i] = p.role().name();
      minutes[i] = p.reportedMinutes();
    }
    jdbc.sql(
            """
            insert into attendance_participant (id, session_id, person_key, registration_id,
              display_name, email, role, reported_minutes, source_import_id, updated_at)
            select id, :s, k, r, n, e, role, m, :imp, :now
            from unnest(:ids::uuid[], :keys::text[], :regs::uuid[], :names::bytea[],
              :emails::bytea[], :roles::text[], :mins::int[]) as x(id, k, r, n, e, role, m)
            """)
        .param("s", sessionId)
        .param("imp", importId)
        .param("now", now)
        .param("ids", ids)
        .param("keys", keys)
        .param("regs", regs)
        .param("names", names)
        .param("emails", emails)
        .param("roles", roles)
        .param("mins", minutes)
        .update();
  }
}
