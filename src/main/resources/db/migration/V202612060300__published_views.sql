-- Read-only views that a module publishes for the others (ADR 0025, db/table-owners.txt).
-- Only the owner's SQL names its tables; another module that needs to read them in SQL reads
-- these views, which carry no personal data (no encrypted column, no name, no e-mail). A change
-- of the owner's tables has to keep its views working, in the owner's own migration.

-- programme
create view programme_facts as
select id, organisation_id, status, created_at
from programme;

-- session
create view session_facts as
select id, programme_id, status, starts_at, ends_at
from session;

-- registration: only the clear attributes reports count by
create view registration_facts as
select id, programme_id, status, region, gender, profession, years_band, language, created_at
from registration;

create view registration_invitation_facts as
select id, programme_id, created_at
from registration_invitation;

-- attendance: the stored results (ADR 0008)
create view attendance_result_facts as
select session_id, registration_id, programme_id, minutes
from attendance_result;

create view attendance_completion_facts as
select registration_id, programme_id, sessions_attended, completed
from attendance_completion_result;

-- identity: who holds which role in which organisation, and whether the account is enabled
create view organisation_member_facts as
select m.organisation_id, m.user_id, m.role, u.disabled_at is null as enabled
from organisation_member m join app_user u on u.id = m.user_id;
