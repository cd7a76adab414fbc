-- Retention (issue 13, item 4): how long a programme's personal data is kept after its last
-- session, as an organisation's default and a programme's own choice; when it was anonymised.
create table organisation_retention (
    organisation_id uuid primary key references organisation (id) on delete cascade,
    months          int not null check (months between 1 and 120),
    updated_at      timestamptz not null
);

create table programme_retention (
    programme_id  uuid primary key references programme (id) on delete cascade,
    months        int check (months is null or months between 1 and 120),
    anonymised_at timestamptz,
    updated_at    timestamptz not null
);

-- A certificate whose holder's name was removed still verifies by code; this says why.
alter table certificate add column holder_removed text
    check (holder_removed is null or holder_removed in ('RETENTION', 'ERASURE', 'PURGE'));
