-- Issue 16: the public path's mail step takes the requests still to be answered from the table
-- itself, in batches (OptInSettler), not one event publication per submission. The requests that
-- wait for their mail are found through this index; the publications that were still incomplete
-- at the upgrade are completed here, since their requests are answered from the table.
create index registration_request_unsettled on registration_request (created_at)
    where token_hash is null and entry is not null;

update event_publication set completion_date = now(), status = 'COMPLETED'
where completion_date is null
  and event_type = 'org.lectern.registration.RegistrationRequested';
