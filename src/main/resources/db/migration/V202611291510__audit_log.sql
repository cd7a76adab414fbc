-- Audit log of reads, exports and changes of personal data. Entries are never updated.
create table audit_entry (
    id              uuid primary key,
    at              timestamptz not null,
    actor_id        uuid,
    actor_label     text,
    action          text not null check (action ~ '^[a-z]+(\.[a-zA-Z]+)+$'),
    organisation_id uuid,
    subject_type    text,
    subject_id      text,
    count           int,
    details         text
);
create index audit_entry_org_at_idx on audit_entry (organisation_id, at desc);
