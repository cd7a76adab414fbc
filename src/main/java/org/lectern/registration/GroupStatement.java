package org.lectern.registration;

/**
 * The group statement (ADR 0004, amendment "group commit"; run by {@link
 * FreeSeats#insertAllClaimingSeats}): one text for every batch size, the rows travelling as one
 * array per column.
 *
 * <p>The entries whose address is already on the programme are found by the pair (programme,
 * address) taken from each entry — {@code r.programme_id = v.programme_id}, never the constant
 * {@code :p}, although every entry carries the same programme. With the constant, the planner may
 * read the programme's registrations once and compare every entry with each of them, and it prefers
 * that whenever its statistics say the programme has few: a programme announced since the last
 * ANALYZE has none in them, and its burst turned quadratic — each batch read all of the programme's
 * registrations, 344 rows fetched per registration after 12,000 and half the server's CPU (issue
 * 16, eleventh pass). With the pair from each entry the only plans left are a probe of the unique
 * index per entry, or reading the whole table, whose size the planner always knows.
 *
 * <p>The seats are claimed from {@code :first} on, the start of the stock's window ({@link
 * FreeSeats.Shared#firstSeat}, V202612160400): every seat of the stock is there or later, and the
 * entries before it are seats claimed long ago, dead until a vacuum. Scanning from the start of the
 * programme's range read them all again in every claim — work growing with the burst (400 buffers
 * per claim after 15,000 claims; twelfth pass); from the window's start a claim passes at most the
 * seats claimed since the last count, never more than the stock.
 *
 * <p>The insert's conflict is named: the pair (programme, address). Without a target PostgreSQL
 * checks every unique index before inserting — the primary key too, one more descent per
 * registration for an id drawn at random a moment earlier (issue 16, thirteenth pass); a clash of
 * ids now fails the batch instead of dropping the entry without a word.
 */
final class GroupStatement {

  private GroupStatement() {}

  static final String TEXT =
      "with v as (select * from unnest("
          + InsertColumn.ALL.stream()
              .map(InsertColumn::arrayParam)
              .collect(java.util.stream.Collectors.joining(", "))
          + ") with ordinality as v ("
          + InsertColumn.names()
          + ", ord)),"
          + """
          fresh as (
            select v.*, row_number() over (order by ord) as rank from v
            where not exists (select 1 from registration r
                              where r.programme_id = v.programme_id
                                and r.email_index = v.email_index)),
          chosen as materialized (
            select seat from programme_free_seat
            where :claim and programme_id = :p and seat >= :first order by seat
            limit (select count(*) from fresh) for update skip locked),
          seat as (
            delete from programme_free_seat f using chosen c
            where f.programme_id = :p and f.seat = c.seat
            returning f.seat),
          inserted as (
            insert into registration (
          """
          + InsertColumn.names()
          + ") select "
          + InsertColumn.names()
          + """
             from fresh where not :claim or rank <= (select count(*) from seat)
            order by ord
            on conflict (programme_id, email_index) do nothing returning id)
          select (select count(*) from seat), id from inserted
          union all select (select count(*) from seat), null
          """;
}
