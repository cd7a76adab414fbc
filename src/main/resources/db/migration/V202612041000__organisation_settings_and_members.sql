-- Issue 11, "start from nothing": an organisation is set up in the back office (short name, logo,
-- who signs its certificates, the sender name of its mail); its members are ADMIN or MEMBER; the
-- members page shows when each person last signed in.

alter table organisation
    add column short_name       text,
    add column logo             bytea,
    add column logo_type        text check (logo_type in ('image/png', 'image/svg+xml')),
    add column certificate_signer text,
    add column mail_sender_name text,
    add column updated_at       timestamptz not null default now();

-- Expand: MEMBER replaces ORGANISER (same rights: creates and runs programmes). ORGANISER stays
-- allowed for this release so a node still running the previous version can write; the code
-- writes MEMBER only. A later migration drops ORGANISER from the check (contract).
alter table organisation_member drop constraint organisation_member_role_check;
update organisation_member set role = 'MEMBER' where role = 'ORGANISER';
alter table organisation_member
    add constraint organisation_member_role_check check (role in ('ADMIN', 'MEMBER', 'ORGANISER')),
    add column added_at timestamptz not null default now();

create index organisation_member_user_idx on organisation_member (user_id);

alter table app_user add column last_sign_in_at timestamptz;
