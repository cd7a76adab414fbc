package org.lectern.registration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bounded stock of free seats per programme, as rows (ADR 0004, amendment). A registration that
 * needs nothing but a seat holds the programme row with a SHARE lock (many at once; an organiser's
 * capacity edit and every exclusive-path change wait for them, and they for it) and claims one row
 * with {@code FOR UPDATE SKIP LOCKED}: claims do not queue behind each other and their commits
 * proceed in parallel. The stock is recounted only under the exclusive lock, from the registrations
 * themselves: it never exceeds capacity minus confirmed, and is empty while anyone waits — so a
 * claimed seat is always one the exclusive path would have given, in the same order.
 */
@Component
record FreeSeats(JdbcClient jdbc, JdbcTemplate jdbcTemplate, RegistrationRepository registrations) {

  /** At most this many free seats are kept as rows (a huge capacity does not mean huge tables). */
  static final int STOCK = 500;

  /**
   * The programme as the shared path sees it, under a SHARE lock of its row. {@code firstSeat}: no
   * seat of the stock is below it until the next count (V202612160400), where claims start.
   */
  record Shared(Integer capacity, boolean approvalRequired, boolean counted, int firstSeat) {}

  /**
   * The savepoint the shared path rolls back to (releasing its SHARE lock) when it cannot go on.
   */
  static final String SAVEPOINT = "shared_seat";

  /**
   * Sets the savepoint and SHARE-locks the programme row until the transaction ends, in one round
   * trip (two statements in one message). {@code counted}: the stock was counted for the capacity
   * the programme has now.
   */
  Optional<Shared> share(UUID programmeId) {
    return jdbcTemplate.execute(
        "savepoint "
            + SAVEPOINT
            + """
            ;
            select p.capacity, p.approval_required,
                   s.programme_id is not null and s.capacity is not distinct from p.capacity,
                   coalesce(s.first_seat, 0)
            from programme p left join programme_seat_count s on s.programme_id = p.id
            where p.id = ? for share of p
            """,
        (PreparedStatement ps) -> {
          ps.setObject(1, programmeId);
          boolean results = ps.execute();
          while (results || ps.getUpdateCount() != -1) {
            if (results) {
              try (ResultSet rs = ps.getResultSet()) {
                return rs.next()
                    ? Optional.of(
                        new Shared(
                            (Integer) rs.getObject(1),
                            rs.getBoolean(2),
                            rs.getBoolean(3),
                            rs.getInt(4)))
                    : Optional.<Shared>empty();
              }
            }
            results = ps.getMoreResults();
          }
          throw new IllegalStateException("no result for the SHARE lock");
        });
  }

  /**
   * The shared path's write, one statement (ADR 0004, issue 16): claims one free seat of the stock
   * with SKIP LOCKED when {@code claim}, and inserts unless the address is already on the
   * programme. True only if it inserted and got its seat (or needed none); otherwise the caller
   * rolls back to its savepoint, which gives the seat back.
   */
  boolean insertClaimingSeat(
      Registration r, RegistrationRepository.Sealed sealed, boolean claim, int firstSeat) {
    return jdbc.sql(
            """
            with seat as (
              delete from programme_free_seat where :claim and programme_id = :p and seat = (
                select seat from programme_free_seat where programme_id = :p and seat >= :first
                order by seat limit 1 for update skip locked)
              returning seat),
            inserted as (
            """
                + RegistrationRepository.INSERT
                + """
              on conflict (programme_id, email_index) do nothing returning id)
            select (select count(*) from inserted) = 1
              and (not :claim or (select count(*) from seat) = 1)
            """)
        .params(registrations.insertParams(r, sealed))
        .param("claim", claim)
        .param("first", firstSeat)
        .query(Boolean.class)
        .single();
  }

  /**
   * The group path's SHARE lock (ADR 0004, amendment "group commit"): the same statement as {@link
   * #share} without a savepoint, for a transaction of its own that registers nothing else.
   */
  Optional<Whole> shareWhole(UUID programmeId, Instant formAt) {
    if (formAt == null) {
      return jdbc.sql(
              """
              select k.capacity, k.approval_required,
                     n.programme_id is not null and n.capacity is not distinct from k.capacity,
                     k.version, k.organisation_id, k.languages, coalesce(n.first_seat, 0)
              from programme k left join programme_seat_count n on n.programme_id = k.id
              where k.id = :p for share of k
              """)
          .param("p", programmeId)
          .query((rs, i) -> whole(rs, null))
          .optional();
    }
    // The form set-up in the same round trip, for a batch with entries checked against a copy.
    return jdbc.sql(
            """
            select k.capacity, k.approval_required,
                   n.programme_id is not null and n.capacity is not distinct from k.capacity,
                   k.version, k.organisation_id, k.languages, coalesce(n.first_seat, 0),
            """
                + FormSetupRepository.FORM_COLUMNS
                + """
                from programme k left join programme_seat_count n on n.programme_id = k.id
                """
                + FormSetupRepository.FORM_JOINS
                + " where k.id = :p for share of k")
        .param("p", programmeId)
        .param("now", Timestamp.from(formAt))
        .query((rs, i) -> whole(rs, FormSetupRepository.form(programmeId, rs)))
        .optional();
  }

  private static Whole whole(ResultSet rs, RegistrationForm form) throws SQLException {
    return new Whole(
        new Shared((Integer) rs.getObject(1), rs.getBoolean(2), rs.getBoolean(3), rs.getInt(7)),
        new ProgrammeCopies.Facts(
            rs.getInt(4),
            rs.getObject(5, UUID.class),
            List.of((String[]) rs.getArray(6).getArray())),
        form);
  }

  /**
   * The group path's view of the programme under its SHARE lock: the seats, and the facts a request
   * checked against this node's copy of the programme must still find ({@link ProgrammeCopies}).
   */
  record Whole(Shared shared, ProgrammeCopies.Facts facts, RegistrationForm form) {}

  /** What the group statement did: the registrations inserted and the seats claimed. */
  record Grouped(Set<UUID> inserted, int seats) {}

  /**
   * The group path's write, one statement for many registrations of one programme, in their order:
   * those whose address is not yet on the programme each get one seat of the stock (SKIP LOCKED)
   * while seats last, when {@code claim}, and are inserted; the others are left out. The caller
   * compares the seats with the rows inserted (an address inserted concurrently by another
   * transaction inserts nothing but may have claimed a seat) and rolls everything back if they
   * differ.
   *
   * <p>The rows travel as one array per column ({@code unnest}), so the statement's text is the
   * same for every batch size: PostgreSQL parses and plans it once per connection and the driver
   * keeps it prepared (issue 16, eighth pass: a text per size was parsed and planned on every
   * batch, about a sixth of the server's CPU per registration).
   */
  Grouped insertAllClaimingSeats(
      UUID programmeId,
      List<Registration> rows,
      List<RegistrationRepository.Sealed> sealed,
      boolean claim,
      int firstSeat) {
    List<Map<String, Object>> each = new java.util.ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      each.add(registrations.insertParams(rows.get(i), sealed.get(i)));
    }
    Map<String, Object> params = new HashMap<>();
    for (InsertColumn c : InsertColumn.ALL) {
      params.put("a_" + c.param(), c.column(each));
    }
    Set<UUID> inserted = new java.util.HashSet<>();
    int[] seats = {0};
    jdbc.sql(GroupStatement.TEXT)
        .params(params)
        .param("p", programmeId)
        .param("claim", claim)
        .param("first", firstSeat)
        .query(
            (rs, i) -> {
              seats[0] = rs.getInt(1);
              UUID id = rs.getObject(2, UUID.class);
              if (id != null) {
                inserted.add(id);
              }
              return id;
            })
        .list();
    return new Grouped(inserted, seats[0]);
  }

  /** Back to the savepoint of {@link #share}: its work undone, its SHARE lock released. */
  void rollbackToSavepoint() {
    jdbc.sql("rollback to savepoint " + SAVEPOINT).update();
  }

  /** Keeps the work done since {@link #share}; needed only when a transaction shares again. */
  void releaseSavepoint() {
    jdbc.sql("release savepoint " + SAVEPOINT).update();
  }

  /**
   * Refills or trims the stock to min(STOCK, capacity - confirmed), or empties it while anyone
   * waits. Only under the programme's exclusive lock: then no claim is in flight and the counts are
   * exact. Reads only the window (V202612160400): the seats from the last count's first seat on;
   * new seats are numbered after the highest ever given, and the window's new start is the lowest
   * seat left, so claims never read the entries of the seats claimed before it.
   */
  void recount(UUID programmeId, Integer capacity, RegistrationRepository.Seats seats) {
    int want =
        capacity == null || seats.waiting()
            ? 0
            : Math.min(STOCK, Math.max(0, capacity - seats.confirmed()));
    var stock =
        jdbc.sql(
                """
                select count(f.seat), coalesce(max(f.seat), 0), w.first, w.last
                from (select coalesce(max(first_seat), 0) as first, coalesce(max(last_seat), 0) as last
                      from programme_seat_count where programme_id = :p) w
                left join programme_free_seat f on f.programme_id = :p and f.seat >= w.first
                group by w.first, w.last
                """)
            .param("p", programmeId)
            .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)})
            .single();
    int have = stock[0];
    int first = stock[2];
    int last = Math.max(stock[1], stock[3]);
    if (have > want) {
      jdbc.sql(
              """
              delete from programme_free_seat where programme_id = :p and seat in (
                select seat from programme_free_seat where programme_id = :p and seat >= :first
                order by seat desc limit :n)
              """)
          .param("p", programmeId)
          .param("first", first)
          .param("n", have - want)
          .update();
    } else if (have < want) {
      jdbc.sql(
              """
              insert into programme_free_seat (programme_id, seat)
              select :p, n from generate_series(:from, :to) n
              """)
          .param("p", programmeId)
          .param("from", last + 1)
          .param("to", last + want - have)
          .update();
      last += want - have;
    }
    jdbc.sql(
            """
            insert into programme_seat_count (programme_id, capacity, counted_at, first_seat, last_seat)
            values (:p, :c, now(), coalesce((select min(seat) from programme_free_seat
                                             where programme_id = :p and seat >= :first), :last + 1),
                    :last)
            on conflict (programme_id) do update
              set capacity = excluded.capacity, counted_at = excluded.counted_at,
                  first_seat = excluded.first_seat, last_seat = excluded.last_seat
            """)
        .param("p", programmeId)
        .param("c", capacity)
        .param("first", first)
        .param("last", last)
        .update();
  }
}
