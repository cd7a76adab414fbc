-- Issue 16: the mail of a new registration (confirmed, waitlisted, pending) is noted here in the
-- registration's own transaction — kind and registration only, no personal data — and composed and
-- queued in the outbox in the background (RegistrationMailJobs), in batches. It replaces, for these
-- three events, the event publication registry and a second transaction per registration.
create table registration_mail_job (
    id              bigserial primary key,
    kind            text not null check (kind in ('registration.confirmed', 'registration.waitlisted',
                                                  'registration.pending')),
    registration_id uuid not null references registration (id) on delete cascade,
    created_at      timestamptz not null default now(),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index registration_mail_job_due_idx on registration_mail_job (next_attempt_at, id);
create index registration_mail_job_registration_idx on registration_mail_job (registration_id);

-- Publications of these events that the former listener had not completed become jobs.
insert into registration_mail_job (kind, registration_id, created_at)
select case
         when e.event_type like '%.RegistrationConfirmed' then 'registration.confirmed'
         when e.event_type like '%.RegistrationWaitlisted' then 'registration.waitlisted'
         else 'registration.pending'
       end,
       r.id, e.publication_date
from event_publication e
join registration r on r.id = (e.serialized_event::jsonb ->> 'registrationId')::uuid
where e.completion_date is null
  and e.listener_id like 'org.lectern.notification.RegistrationMailListener.%'
  and (e.event_type like '%.RegistrationConfirmed' or e.event_type like '%.RegistrationWaitlisted'
       or e.event_type like '%.RegistrationPending');

update event_publication set completion_date = now(), status = 'COMPLETED'
where completion_date is null
  and listener_id like 'org.lectern.notification.RegistrationMailListener.%'
  and (event_type like '%.RegistrationConfirmed' or event_type like '%.RegistrationWaitlisted'
       or event_type like '%.RegistrationPending');
