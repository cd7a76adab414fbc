-- Live room: Q&A, polls, chat, hands. Every change is also an event in live_event (see ADR 0005
-- for what is deliberately NOT stored about who asked an anonymous question).

create table live_room (
    session_id    uuid primary key references session (id) on delete cascade,
    premoderation boolean not null default false,
    chat          boolean not null default true,
    anonymity     text not null default 'OPTIONAL' check (anonymity in ('OFF', 'OPTIONAL', 'ALWAYS')),
    join_key      text not null,
    -- Random per-room salt of the voter keys; set to null once the room has closed, after which
    -- no vote can be traced to a participant, not even with the application's keys.
    vote_salt     bytea,
    spotlight_question uuid,
    spotlight_poll     uuid
);

-- No created_at on purpose: a join time next to a question time would hint at who asked.
create table live_participant (
    id           uuid primary key,
    session_id   uuid not null references live_room (session_id) on delete cascade,
    kind         text not null check (kind in ('STAFF', 'DELEGATE', 'ROOM')),
    -- keyed digest of the user or registration (one participant per person); null for the room
    subject_key  text,
    display_name text,
    pass_hash    text not null unique,
    removed      boolean not null default false,
    unique (session_id, subject_key)
);

create table live_question (
    id          uuid primary key,
    session_id  uuid not null references live_room (session_id) on delete cascade,
    -- null for anonymous questions: there is no link to the asker anywhere
    author_id   uuid references live_participant (id) on delete set null,
    author_name text,
    body        text not null,
    status      text not null check (status in ('PENDING', 'VISIBLE', 'ANSWERED', 'HIDDEN')),
    pinned      boolean not null default false,
    votes       int not null default 0,
    created_at  timestamptz not null
);
create index live_question_session_idx on live_question (session_id, created_at);

create table live_question_vote (
    question_id uuid not null references live_question (id) on delete cascade,
    voter_key   text not null,
    primary key (question_id, voter_key)
);

create table live_poll (
    id         uuid primary key,
    session_id uuid not null references live_room (session_id) on delete cascade,
    question   text not null,
    multiple   boolean not null,
    status     text not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at timestamptz not null
);
create index live_poll_session_idx on live_poll (session_id, created_at);

create table live_poll_option (
    id       uuid primary key,
    poll_id  uuid not null references live_poll (id) on delete cascade,
    position int not null,
    label    text not null
);

create table live_poll_vote (
    poll_id   uuid not null references live_poll (id) on delete cascade,
    option_id uuid not null references live_poll_option (id) on delete cascade,
    voter_key text not null,
    primary key (poll_id, voter_key, option_id)
);

create table live_chat_message (
    id          uuid primary key,
    session_id  uuid not null references live_room (session_id) on delete cascade,
    author_id   uuid references live_participant (id) on delete set null,
    author_name text,
    body        text not null,
    hidden      boolean not null default false,
    created_at  timestamptz not null
);
create index live_chat_session_idx on live_chat_message (session_id, created_at);

create table live_hand (
    participant_id uuid primary key references live_participant (id) on delete cascade,
    session_id     uuid not null references live_room (session_id) on delete cascade,
    raised_at      timestamptz not null
);

-- The event log behind the stream: ids grow; per room they commit in id order because every
-- writer holds the live_room row lock until commit.
create table live_event (
    id         bigserial primary key,
    session_id uuid not null references session (id) on delete cascade,
    type       text not null,
    payload    jsonb not null,
    created_at timestamptz not null default now()
);
create index live_event_session_idx on live_event (session_id, id);
