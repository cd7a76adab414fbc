-- Effective attendance stored once it is computed (ADR 0008). The attendance module writes these
-- tables; reports read them instead of merging every interval on every request.
--
-- Derived data, recomputed at will, so no foreign keys: checking one locks the referenced row
-- (FOR KEY SHARE) for every row written, so recomputing 400,000 rows would hold the programme and
-- session rows against registrations and imports (which lock them FOR UPDATE) and take seconds
-- longer. Readers join to live sessions and registrations, so rows of deleted ones are ignored;
-- a refresh drops completion rows of registrations that no longer exist.

-- One delegate in one session: minutes and percent of the scheduled window (online and in-room
-- presence united, as on the attendance page), and whether they were online and/or in the room.
create table attendance_result (
    session_id      uuid not null,
    registration_id uuid not null,
    programme_id    uuid not null,
    minutes         int not null check (minutes >= 0),
    percent         int not null check (percent between 0 and 100),
    online          boolean not null,
    room            boolean not null,
    primary key (session_id, registration_id)
);
create index attendance_result_programme_idx on attendance_result (programme_id, registration_id);

-- Per session: "version" goes up whenever its attendance changes (an import, a check-in); the
-- results are current when they were computed from that version and the session's present times.
create table attendance_session_state (
    session_id         uuid primary key,
    version            bigint not null default 1,
    computed_version   bigint,
    computed_starts_at timestamptz,
    computed_ends_at   timestamptz,
    delegates          int not null default 0 check (delegates >= 0),
    online             int not null default 0 check (online >= 0),
    room               int not null default 0 check (room >= 0)
);

-- Per registration with any attendance (or credit): the programme's completion rule applied to the
-- published sessions. No row means nothing attended.
create table attendance_completion_result (
    registration_id   uuid primary key,
    programme_id      uuid not null,
    sessions_attended int not null check (sessions_attended >= 0),
    sessions_counted  int not null check (sessions_counted >= 0),
    sessions_required int not null check (sessions_required >= 0),
    minutes           bigint not null check (minutes >= 0),
    completed         boolean not null
);
create index attendance_completion_result_programme_idx
    on attendance_completion_result (programme_id, registration_id);

-- What the completion results of a programme were computed from: its rule and its published
-- sessions with their times and versions. A different fingerprint means they must be recomputed.
create table attendance_programme_state (
    programme_id uuid primary key,
    fingerprint  text not null,
    computed_at  timestamptz not null
);
