-- Joining an organisation needs the person's consent (ADR 0010, amendment "an invitation is
-- accepted by its person"). An organisation administrator inviting an address makes a pending
-- invitation, for an address with an account and for a new one alike: no membership, no role,
-- nothing of the organisation visible to the person, until they accept, signed in as that account.
-- email and full_name are what the inviter typed (shown to the inviter instead of the account's
-- own name), sealed with the personal-data key like the accounts' own (ADR 0022). token_hash is the SHA-256 digest of the link's token, set when the mail is queued;
-- round changes with every invitation sent, so a redelivered event mails once per round.
-- One row per organisation and account: inviting again refreshes it (idempotent).
create table organisation_invitation (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    user_id         uuid not null references app_user (id) on delete cascade,
    email           bytea not null,
    full_name       bytea not null,
    role            text not null check (role in ('ADMIN', 'MEMBER')),
    language        text not null,
    invited_by      uuid,
    round           uuid not null,
    token_hash      bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    unique (organisation_id, user_id)
);
create unique index organisation_invitation_token_idx on organisation_invitation (token_hash);
