-- Free seats of a programme as rows (ADR 0004, amendment "seats claimed in parallel"): a
-- registration claims one with FOR UPDATE SKIP LOCKED while holding only a SHARE lock of the
-- programme row, so registrations of one programme commit in parallel. The rows are a bounded
-- stock of permits, never the truth: seats taken are still counted from the registrations, and the
-- stock is recounted under the programme's exclusive lock (never more than capacity - confirmed,
-- none while anyone waits).
create table programme_free_seat (
    programme_id uuid not null references programme (id) on delete cascade,
    seat         int  not null,
    primary key (programme_id, seat)
);

-- The capacity the stock was counted for. No row, or another capacity than the programme's now
-- (an organiser changed it): the next registration takes the exclusive path and recounts. Existing
-- programmes start without a row, so their first registration after this migration counts their
-- confirmed registrations and waitlist and fills the stock: nothing to convert here.
create table programme_seat_count (
    programme_id uuid primary key references programme (id) on delete cascade,
    capacity     int,
    counted_at   timestamptz not null default now()
);
