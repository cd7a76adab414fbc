-- programme publishes its heading (slug, title, languages: no personal data) in its view, so that
-- the double opt-in link's page reads the programme and the link's request in one statement
-- (issue 16). Columns are only added at the end: every reader of the view keeps working.
create or replace view programme_facts as
select id, organisation_id, status, created_at, slug, title, languages
from programme;
