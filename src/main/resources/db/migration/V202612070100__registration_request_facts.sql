-- registration publishes which programme a pending request (not yet confirmed by its e-mail) is
-- for, so that the outbox can seal a mail about the request under that programme's key
-- (ADR 0022, ADR 0025). No personal data: the entry stays in registration_request.
create view registration_request_facts as
select id, programme_id
from registration_request;
