-- A session's recording (a link to the provider's recording with an availability window), the
-- short quiz that earns credit for a missed session, personal links and their use.

create table learning_recording (
    session_id      uuid primary key references session (id) on delete cascade,
    programme_id    uuid not null references programme (id) on delete cascade,
    url             text not null,
    available_from  timestamptz not null,
    available_until timestamptz not null,
    access          text not null check (access in ('PUBLIC', 'REGISTERED', 'ATTENDED')),
    updated_at      timestamptz not null,
    check (available_until > available_from)
);

create table learning_recording_question (
    id           uuid primary key,
    session_id   uuid not null references session (id) on delete cascade,
    programme_id uuid not null references programme (id) on delete cascade,
    position     int not null,
    kind         text not null check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
    body         jsonb not null,
    options      jsonb not null,
    correct      int[] not null,
    explanation  jsonb not null,
    created_at   timestamptz not null
);
create index learning_recording_question_session on learning_recording_question (session_id, position);

-- Personal links: only the SHA-256 of the token is kept (as for join links).
create table learning_recording_link (
    token_hash      text primary key,
    registration_id uuid not null references registration (id) on delete cascade,
    session_id      uuid not null references session (id) on delete cascade,
    created_at      timestamptz not null
);

-- Each opening of a personal link: hashed browser and address, so a link used by several devices
-- (passed on) can be noticed, as with join links.
create table learning_recording_view (
    id              uuid primary key,
    session_id      uuid not null references session (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    at              timestamptz not null,
    agent_hash      text not null,
    address_hash    text not null
);
create index learning_recording_view_session on learning_recording_view (session_id, registration_id);

-- The quiz: the latest attempt per delegate and session; once passed it no longer changes.
create table learning_catch_up (
    session_id      uuid not null references session (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    programme_id    uuid not null references programme (id) on delete cascade,
    score           int not null,
    max_score       int not null check (max_score > 0),
    passed          boolean not null,
    submitted_at    timestamptz not null,
    primary key (session_id, registration_id)
);
create index learning_catch_up_programme on learning_catch_up (programme_id) where passed;
