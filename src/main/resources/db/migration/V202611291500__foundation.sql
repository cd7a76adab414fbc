-- Foundation: organisations, people who sign in, programmes, sessions, speakers, ICCPR reference.

create table organisation (
    id           uuid primary key,
    slug         text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name         jsonb not null,
    website      text,
    main_centres text[] not null default array['KZ-75', 'KZ-71'],
    created_at   timestamptz not null default now()
);

create table app_user (
    id             uuid primary key,
    email          text not null,
    full_name      text not null,
    password_hash  text,
    platform_admin boolean not null default false,
    language       text not null default 'en',
    created_at     timestamptz not null default now()
);
create unique index app_user_email_uk on app_user (lower(email));

create table organisation_member (
    organisation_id uuid not null references organisation (id) on delete cascade,
    user_id         uuid not null references app_user (id) on delete cascade,
    role            text not null check (role in ('ADMIN', 'ORGANISER')),
    primary key (organisation_id, user_id)
);

create table api_token (
    id           uuid primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    token_hash   bytea not null unique,
    name         text not null default 'api',
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create table idempotency_record (
    user_key     text not null,
    key          text not null,
    request_hash text not null,
    status       int not null,
    body         text,
    location     text,
    created_at   timestamptz not null default now(),
    primary key (user_key, key)
);

create table programme (
    id                uuid primary key,
    organisation_id   uuid not null references organisation (id),
    slug              text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    title             jsonb not null,
    description       jsonb not null default '{}',
    languages         text[] not null check (cardinality(languages) >= 1),
    time_zone         text not null,
    cpd_hours         numeric(6, 1),
    capacity          int check (capacity is null or capacity >= 0),
    waitlist          boolean not null default true,
    approval_required boolean not null default false,
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    version           int not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create table programme_organisation (
    programme_id    uuid not null references programme (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    role            text not null check (role in ('ORGANISER', 'PARTNER', 'FUNDER')),
    acknowledgement jsonb not null default '{}',
    disclaimer      jsonb not null default '{}',
    position        int not null default 0,
    primary key (programme_id, organisation_id, role)
);

create table programme_member (
    programme_id uuid not null references programme (id) on delete cascade,
    user_id      uuid not null references app_user (id) on delete cascade,
    role         text not null check (role in ('ORGANISER', 'SPEAKER', 'FUNDER')),
    created_at   timestamptz not null default now(),
    primary key (programme_id, user_id, role)
);

create table speaker (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    full_name       text not null,
    bio             jsonb not null default '{}',
    affiliation     text,
    photo           bytea,
    photo_type      text,
    status          text not null default 'PUBLISHED' check (status in ('DRAFT', 'PUBLISHED')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table iccpr_article (
    number          int primary key check (number between 1 and 53),
    part            text not null,
    part_theme      text not null,
    subject_en      text not null,
    non_derogable   boolean not null,
    general_comment text
);

create table session (
    id                       uuid primary key,
    programme_id             uuid not null references programme (id) on delete cascade,
    title                    jsonb not null,
    abstract                 jsonb not null default '{}',
    starts_at                timestamptz not null,
    ends_at                  timestamptz not null,
    mode                     text not null check (mode in ('ONLINE', 'IN_PERSON', 'HYBRID')),
    venue                    jsonb not null default '{}',
    room_capacity            int check (room_capacity is null or room_capacity >= 0),
    language                 text,
    interpretation_languages text[] not null default '{}',
    iccpr_articles           int[] not null default '{}',
    meeting_provider         text,
    meeting_url              text,
    status                   text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    sequence                 int not null default 0,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index session_programme_idx on session (programme_id, starts_at);

create table session_speaker (
    session_id uuid not null references session (id) on delete cascade,
    speaker_id uuid not null references speaker (id),
    role       text not null check (role in ('PRESENTER', 'LOCAL_EXPERT', 'MODERATOR', 'INTERPRETER')),
    position   int not null default 0,
    primary key (session_id, speaker_id, role)
);
