-- Delivery per programme (the organisers' view) and addresses that cannot receive mail.
alter table mail_outbox add column programme_id uuid references programme (id) on delete cascade;
alter table mail_outbox add column organisation_id uuid references organisation (id) on delete cascade;
-- Mail queued before: find its programme through what it is about.
update mail_outbox m set programme_id = coalesce(
    (select p.id from programme p where p.id = m.related_id),
    (select r.programme_id from registration r where r.id = m.related_id),
    (select s.programme_id from session s where s.id = m.related_id),
    (select q.programme_id from registration_request q where q.id = m.related_id),
    (select i.programme_id from registration_invitation i where i.id = m.related_id))
  where m.programme_id is null;
update mail_outbox m set organisation_id = p.organisation_id
  from programme p where p.id = m.programme_id and m.organisation_id is null;
create index mail_outbox_programme_idx on mail_outbox (programme_id, status) where programme_id is not null;

-- HELD: not sent, the address is known to be undeliverable for the organisation.
-- BOUNCED: accepted by the mail server, later returned as undeliverable (a delivery status
-- notification) or reported as unwanted (a complaint).
alter table mail_outbox drop constraint if exists mail_outbox_status_check;
alter table mail_outbox add constraint mail_outbox_status_check
  check (status in ('PENDING', 'SENT', 'FAILED', 'HELD', 'BOUNCED'));
-- The SMTP reply code of the last failure (0: none) and whether it was final.
alter table mail_outbox add column failure_code int not null default 0;

-- An address mail cannot reach, per organisation: found by a keyed hash of the address (the
-- address itself is never stored here). Cleared by an organiser when the person has fixed it.
create table mail_undeliverable (
    organisation_id uuid not null references organisation (id) on delete cascade,
    address_index   text not null,
    reason          text not null check (reason in ('REFUSED', 'BOUNCED', 'COMPLAINED')),
    smtp_code       int not null default 0,
    detail          text,
    first_at        timestamptz not null,
    last_at         timestamptz not null,
    primary key (organisation_id, address_index)
);
