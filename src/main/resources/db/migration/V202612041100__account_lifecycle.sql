-- Account lifecycle: disabling, a counter that ends other browser sessions (bumped when the
-- password changes or the account is disabled), one-time password-reset links stored as digests.
alter table app_user
    add column disabled_at   timestamptz,
    add column session_epoch int not null default 0;

create table password_reset (
    token_hash bytea primary key,
    user_id    uuid not null references app_user (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_user_idx on password_reset (user_id, created_at desc);
