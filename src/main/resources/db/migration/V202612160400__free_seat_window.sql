-- Issue 16, twelfth pass: a claim of the free-seat stock reads a bounded window, not the dead.
-- A claim deletes the seat it takes; until a vacuum its index entry stays at the head of the
-- programme's range, and every later claim scanned from the start of that range read them all again
-- (after 15,000 claims of 12 seats without a vacuum, 400 buffers per claim; 810 after 50,000).
-- Seats are now numbered once and for all (last_seat: the highest number ever given, never reused),
-- and first_seat is the lowest seat still in the stock when it was last counted: every seat of the
-- stock is >= first_seat until the next count (claims only delete; a rolled-back claim gives back a
-- seat >= first_seat; the count runs under the programme's exclusive lock, no claim in flight). A
-- claim starts there (`seat >= first_seat order by seat`), and passes at most the seats claimed
-- since the last count — never more than the stock's size (FreeSeats.STOCK). Existing counts start
-- at 0: correct (every seat >= 0), and the next count sets the window.
alter table programme_seat_count
    add column first_seat int not null default 0,
    add column last_seat  int not null default 0;
