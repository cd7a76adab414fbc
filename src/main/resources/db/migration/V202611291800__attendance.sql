-- Attendance: imported provider reports, per-person merged intervals, organiser matching decisions,
-- completion rules, personal join links, provider settings and in-room check-ins.
-- registration_id columns carry no foreign key: the registration module owns that table (and is
-- merged separately); rows are matched through its public service.

-- An uploaded report kept (encrypted) between preview and confirm; expires.
create table attendance_upload (
    id           uuid primary key,
    session_id   uuid not null references session (id) on delete cascade,
    uploaded_by  uuid references app_user (id) on delete set null,
    file_name    text not null,
    content      bytea not null,
    content_hash text not null,
    time_zone    text,
    day_order    text check (day_order is null or day_order in ('DAY_FIRST', 'MONTH_FIRST')),
    meeting      text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null
);
create index attendance_upload_expiry_idx on attendance_upload (expires_at);

-- One confirmed file; the same file (hash) for the same session is imported once.
create table attendance_import (
    id           uuid primary key,
    session_id   uuid not null references session (id) on delete cascade,
    content_hash text not null,
    format       text not null,
    rows         int not null check (rows >= 0),
    participants int not null check (participants >= 0),
    matched      int not null check (matched >= 0),
    unmatched    int not null check (unmatched >= 0),
    imported_by  uuid references app_user (id) on delete set null,
    imported_at  timestamptz not null,
    unique (session_id, content_hash)
);

-- A person found in a session's reports: a registration, or an unmatched person whose name and
-- e-mail are kept encrypted. person_key is "r:<registration id>" or a blind index of the e-mail or
-- name, so a second file merges into the same person.
create table attendance_participant (
    id               uuid primary key,
    session_id       uuid not null references session (id) on delete cascade,
    person_key       text not null,
    registration_id  uuid,
    display_name     bytea not null,
    email            bytea,
    role             text not null check (role in ('HOST', 'CO_HOST', 'PANELIST', 'PRESENTER', 'ATTENDEE', 'GUEST', 'UNKNOWN')),
    reported_minutes int check (reported_minutes is null or reported_minutes >= 0),
    source_import_id uuid not null references attendance_import (id) on delete cascade,
    updated_at       timestamptz not null,
    unique (session_id, person_key)
);
create index attendance_participant_registration_idx on attendance_participant (registration_id);

-- Merged presence: ONLINE from reports, ROOM from check-ins. Never overlapping within a source.
create table attendance_interval (
    participant_id uuid not null references attendance_participant (id) on delete cascade,
    source         text not null check (source in ('ONLINE', 'ROOM')),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    check (ends_at >= starts_at)
);
create index attendance_interval_participant_idx on attendance_interval (participant_id);

-- The organiser's answers for names and e-mails that did not match by themselves: a registration,
-- or (registration_id null) "not a delegate". Keyed by a blind index of the normalised name/e-mail.
create table attendance_alias (
    programme_id    uuid not null references programme (id) on delete cascade,
    alias_index     text not null,
    registration_id uuid,
    decided_by      uuid references app_user (id) on delete set null,
    decided_at      timestamptz not null,
    primary key (programme_id, alias_index)
);

create table attendance_completion_rule (
    programme_id uuid primary key references programme (id) on delete cascade,
    min_percent  int not null check (min_percent between 1 and 100),
    min_sessions int not null check (min_sessions >= 0),
    updated_at   timestamptz not null
);

-- Personal join links: the token is a keyed digest (recomputable for reminders), stored hashed.
create table attendance_join_link (
    token_hash      text primary key,
    registration_id uuid not null,
    session_id      uuid not null references session (id) on delete cascade,
    created_at      timestamptz not null,
    unique (registration_id, session_id)
);

create table attendance_join_click (
    id              uuid primary key,
    session_id      uuid not null references session (id) on delete cascade,
    registration_id uuid not null,
    at              timestamptz not null,
    agent_hash      text not null,
    address_hash    text not null
);
create index attendance_join_click_session_idx on attendance_join_click (session_id, registration_id, at);

-- Video provider of a programme: Jitsi server (and the embedding opt-in), BigBlueButton server and
-- shared secret (encrypted).
create table attendance_provider (
    programme_id uuid primary key references programme (id) on delete cascade,
    jitsi_server text,
    jitsi_embed  boolean not null default false,
    bbb_server   text,
    bbb_secret   bytea,
    updated_at   timestamptz not null
);

-- In-room QR check-in and check-out; the nonce makes a repeated scan record nothing new.
create table attendance_checkin (
    nonce           uuid primary key,
    session_id      uuid not null references session (id) on delete cascade,
    registration_id uuid not null,
    kind            text not null check (kind in ('IN', 'OUT')),
    at              timestamptz not null
);
create index attendance_checkin_session_idx on attendance_checkin (session_id, registration_id, at);
