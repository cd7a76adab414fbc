-- Double opt-in (issue 12): a public registration counts once the address's holder has followed
-- the link in the e-mail. Organisers may switch it off per programme.
alter table registration_settings add column double_opt_in boolean not null default true;

-- A submission waiting for its address to be confirmed. It holds no seat (ADR 0004): the seat or
-- the waitlist place is decided when the link is followed, under the programme lock. The
-- submission itself is encrypted (one AEAD blob of the validated form); the link's token is kept
-- only as a SHA-256. Rows are deleted when they expire (db-scheduler job); a confirmed row keeps
-- no personal data, only the registration it became, so a second click lands on the same one.
create table registration_request (
    id              uuid primary key,
    programme_id    uuid not null references programme (id) on delete cascade,
    entry           bytea,
    token_hash      text unique,
    registration_id uuid references registration (id) on delete set null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    confirmed_at    timestamptz
);
create index registration_request_expiry on registration_request (expires_at);
