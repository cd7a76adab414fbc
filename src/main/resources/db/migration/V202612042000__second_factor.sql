-- Second factor: an authenticator app's secret (sealed with the personal-data key), the person's
-- single-use recovery codes (hashed) and each organisation's policy. Expand only.

create table second_factor_totp (
    user_id      uuid primary key references app_user (id) on delete cascade,
    secret       bytea not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    -- The 30-second step of the last code accepted: a code is taken once, and never an older one.
    last_step    bigint not null default 0
);

create table second_factor_recovery_code (
    user_id   uuid not null references app_user (id) on delete cascade,
    code_hash bytea not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

create table second_factor_policy (
    organisation_id uuid primary key references organisation (id) on delete cascade,
    policy          text not null check (policy in ('PERSONAL_DATA', 'EVERYONE', 'OFFERED')),
    changed_at      timestamptz not null
);

-- When a token was created with a second-factor code: sensitive calls soon after need no new one.
alter table api_token add column factor_at timestamptz;
