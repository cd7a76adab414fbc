-- Registration: per-programme settings, custom questions, versioned consent texts, invitations,
-- registrations (personal data encrypted with Tink: bytea columns), answers and room seats.

create table registration_settings (
    programme_id    uuid primary key references programme (id) on delete cascade,
    fields          text[] not null default array['REGION', 'PROFESSION', 'LANGUAGE'],
    required_fields text[] not null default '{}',
    invitation_only boolean not null default false,
    open            boolean not null default true,
    updated_at      timestamptz not null default now()
);

create table registration_question (
    id           uuid primary key,
    programme_id uuid not null references programme (id) on delete cascade,
    position     int not null default 0,
    kind         text not null check (kind in ('TEXT', 'SINGLE', 'MULTIPLE', 'YES_NO')),
    label        jsonb not null,
    options      jsonb not null default '[]',
    required     boolean not null default false,
    active       boolean not null default true,
    created_at   timestamptz not null default now()
);
create index registration_question_programme_idx on registration_question (programme_id, position);

-- Never updated: a new text is a new version; registrations point at the version they accepted.
create table registration_consent (
    id           uuid primary key,
    programme_id uuid not null references programme (id) on delete cascade,
    version      int not null check (version >= 1),
    texts        jsonb not null,
    created_at   timestamptz not null default now(),
    unique (programme_id, version)
);

create table registration_invitation (
    id            uuid primary key,
    programme_id  uuid not null references programme (id) on delete cascade,
    token_hash    bytea not null unique,
    email_index   text not null,
    email         bytea not null,
    full_name     bytea,
    language      text not null default 'en' check (language in ('en', 'ru', 'kk')),
    opened_at     timestamptz,
    registered_at timestamptz,
    created_at    timestamptz not null default now(),
    unique (programme_id, email_index)
);

create sequence registration_waitlist_seq;

create table registration (
    id               uuid primary key,
    programme_id     uuid not null references programme (id) on delete cascade,
    status           text not null
        check (status in ('CONFIRMED', 'WAITLISTED', 'PENDING', 'DECLINED', 'CANCELLED')),
    waitlist_seq     bigint,
    email_index      text not null,
    email            bytea not null,
    full_name        bytea not null,
    phone            bytea,
    town             bytea,
    licence_number   bytea,
    accessibility    bytea,
    decision_message bytea,
    region           text,
    country          text check (country is null or country ~ '^[A-Z]{2}$'),
    profession       text,
    years_band       text,
    gender           text check (gender is null or gender in ('female', 'male', 'other', 'undisclosed')),
    bar_member       boolean,
    language         text not null check (language in ('en', 'ru', 'kk')),
    consent_id       uuid references registration_consent (id),
    consent_language text,
    invitation_id    uuid references registration_invitation (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int not null default 0,
    unique (programme_id, email_index),
    check ((status = 'WAITLISTED') = (waitlist_seq is not null))
);
create index registration_programme_status_idx on registration (programme_id, status, waitlist_seq);
create index registration_email_idx on registration (email_index);

create table registration_answer (
    registration_id uuid not null references registration (id) on delete cascade,
    question_id     uuid not null references registration_question (id) on delete cascade,
    choices         text[] not null default '{}',
    text_value      bytea,
    primary key (registration_id, question_id)
);

-- Hybrid sessions: where a delegate attends. A room seat is REQUESTED until the registration is
-- confirmed, then CONFIRMED or WAITLISTED against the session's room capacity.
create table registration_attendance (
    registration_id uuid not null references registration (id) on delete cascade,
    session_id      uuid not null references session (id) on delete cascade,
    mode            text not null check (mode in ('ROOM', 'ONLINE')),
    room_status     text check (room_status in ('REQUESTED', 'CONFIRMED', 'WAITLISTED')),
    waitlist_seq    bigint,
    primary key (registration_id, session_id),
    check ((mode = 'ROOM') = (room_status is not null))
);
create index registration_attendance_session_idx on registration_attendance (session_id, room_status, waitlist_seq);
