-- Invitations to set a password, for accounts created without one (organisers, speakers, funders).
-- Only a digest of the token is stored; the token itself travels in the e-mail.
create table user_invitation (
    token_hash bytea primary key,
    user_id    uuid not null references app_user (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index user_invitation_user_idx on user_invitation (user_id);
