-- Funders see published snapshots of a programme's report, not live figures (ADR 0017).
-- A snapshot holds the report exactly as the funder gets it: small counts already "<5",
-- protecting cells already "hidden"; the exact figures behind it are not kept.
create table report_snapshot (
    id           uuid primary key,
    programme_id uuid not null references programme (id) on delete cascade,
    published_at timestamptz not null,
    published_by uuid references app_user (id) on delete set null,
    note         text,
    report       jsonb not null
);
create index report_snapshot_programme_idx on report_snapshot (programme_id, published_at);
