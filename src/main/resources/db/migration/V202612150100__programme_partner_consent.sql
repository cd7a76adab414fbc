-- Naming another organisation on a programme is a proposal until one of that organisation's
-- administrators accepts it (ADR 0010, amendment of 2026-12-06): a row without accepted_at gives
-- nothing — no rights to its members, no mention on public pages, certificates or reports.
-- Every row that exists already was named before this rule and stays as it is (accepted now); rows
-- written later without the column (an older node during a rolling upgrade) stay proposals.
alter table programme_organisation add column accepted_at timestamptz default now();
alter table programme_organisation alter column accepted_at drop default;
create index programme_organisation_proposed_idx on programme_organisation (organisation_id)
    where accepted_at is null;
