-- Discussion tables in a live room (issue 18, ADR 0024): a round of small groups opened by the
-- moderator for some minutes, who sits where, each table's shared note and the WebRTC signalling
-- between the browsers of one table. Texts are sealed under the programme's key like other live
-- text; the signalling rows live for minutes only.

-- Coarse facts a delegate's registration already holds, for mixing tables by region or language.
alter table live_participant add column region text;
alter table live_participant add column language text;
-- When the participant last had the room open (to the minute): only people still here get seats.
alter table live_participant add column last_seen_at timestamptz;

create table live_table_round (
    id            uuid primary key,
    session_id    uuid not null references live_room (session_id) on delete cascade,
    grouping      text not null check (grouping in ('RANDOM', 'REGION', 'LANGUAGE', 'CHOICE')),
    mixing        text not null check (mixing in ('MIXED', 'SEPARATE')),
    max_size      int not null check (max_size between 2 and 12),
    question_sealed  bytea,
    broadcast_sealed bytea,
    provider      text not null default 'LECTERN' check (provider in ('LECTERN', 'BIGBLUEBUTTON', 'JITSI')),
    opened_at     timestamptz not null,
    ends_at       timestamptz not null,
    closed_at     timestamptz
);
create unique index live_table_round_open_idx on live_table_round (session_id) where closed_at is null;
create index live_table_round_session_idx on live_table_round (session_id, opened_at);

create table live_table (
    id              uuid primary key,
    round_id        uuid not null references live_table_round (id) on delete cascade,
    session_id      uuid not null references live_room (session_id) on delete cascade,
    number          int not null,
    question_sealed bytea,
    note_sealed     bytea,
    signers_sealed  bytea,
    note_version    int not null default 0,
    help_at         timestamptz,
    unique (round_id, number)
);

-- One seat per participant and round; a move updates the table, seated_at stays (time at tables
-- counts for attendance from the first seat to the close or the moment they left).
create table live_table_seat (
    round_id       uuid not null references live_table_round (id) on delete cascade,
    participant_id uuid not null references live_participant (id) on delete cascade,
    table_id       uuid not null references live_table (id) on delete cascade,
    seated_at      timestamptz not null,
    left_at        timestamptz,
    primary key (round_id, participant_id)
);
create index live_table_seat_table_idx on live_table_seat (table_id);

-- Which table's note the projector shows (after the tables close).
alter table live_room add column spotlight_table uuid;

-- Offer, answer and ICE candidates between two participants of one table. Sealed (SDP names
-- addresses); read once by the node holding the recipient's stream, swept after minutes.
create table live_table_signal (
    id             bigserial primary key,
    session_id     uuid not null references live_room (session_id) on delete cascade,
    table_id       uuid not null references live_table (id) on delete cascade,
    recipient      uuid not null,
    payload_sealed bytea not null,
    created_at     timestamptz not null default now()
);
create index live_table_signal_created_idx on live_table_signal (created_at);
