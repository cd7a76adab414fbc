-- Time at a live session's discussion tables counts as time in the session (issue 18): which
-- stored results include some, and how many delegates of a session sat at a table.
alter table attendance_result add column at_table boolean not null default false;
alter table attendance_session_state add column tables int;
