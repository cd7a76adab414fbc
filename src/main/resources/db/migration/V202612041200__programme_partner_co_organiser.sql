-- A partner organisation may co-organise a programme: its members then manage that programme
-- (and only that one). Expand only: the old roles keep their meaning, a new value is allowed.
alter table programme_organisation drop constraint programme_organisation_role_check;
alter table programme_organisation add constraint programme_organisation_role_check
    check (role in ('ORGANISER', 'CO_ORGANISER', 'PARTNER', 'FUNDER'));
create index programme_organisation_co_idx on programme_organisation (organisation_id)
    where role = 'CO_ORGANISER';
