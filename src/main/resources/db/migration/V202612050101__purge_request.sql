-- Emergency purges (ADR 0022): a request by one organisation administrator, confirmed by another
-- (or carried out at once by a sole administrator with a fresh second factor). Holds ids only.
create table purge_request (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    -- null: every programme of the organisation
    programme_id    uuid references programme (id) on delete cascade,
    requested_by    uuid not null references app_user (id) on delete cascade,
    requested_at    timestamptz not null,
    expires_at      timestamptz not null,
    status          text not null default 'PENDING'
                    check (status in ('PENDING', 'DONE', 'CANCELLED')),
    decided_by      uuid references app_user (id) on delete set null,
    decided_at      timestamptz,
    programmes      int
);
create index purge_request_organisation_idx on purge_request (organisation_id, requested_at desc);
