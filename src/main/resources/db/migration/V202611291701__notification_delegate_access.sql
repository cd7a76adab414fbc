-- Spring Security one-time tokens (schema of one-time-tokens-schema.sql adapted to PostgreSQL).
-- The username is the keyed blind index of the delegate's e-mail, never the address itself.
create table one_time_tokens (
    token_value varchar(36) not null primary key,
    username    varchar(128) not null,
    expires_at  timestamp not null
);

-- Delegates known to the mail module: their address (encrypted), the language they read, and the
-- hash of their personal calendar feed secret. Keyed by the e-mail blind index.
create table delegate_address (
    email_index    text primary key,
    email          bytea not null,
    language       text not null,
    language_fixed boolean not null default false,
    feed_hash      text unique,
    feed_created_at timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- Per-programme privacy of e-mails and calendar entries.
create table programme_privacy (
    programme_id    uuid primary key references programme (id) on delete cascade,
    neutral_wording boolean not null default false,
    updated_at      timestamptz not null default now()
);
