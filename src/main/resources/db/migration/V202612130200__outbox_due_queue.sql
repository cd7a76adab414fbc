-- Issue 16, ninth pass: the outbox row's "sent" update becomes a HOT update.
-- Every registration sends one mail; its ~3.4-kB encrypted row was inserted and then, when sent,
-- updated non-HOT: `status` was in two of the table's six indexes (the due index's predicate and
-- the programme index), so PostgreSQL wrote the whole row again and an entry in each index
-- (1.7 kB of WAL, seven records per mail). Now no index of mail_outbox names a column that sending
-- changes (status, attempts, sent_at, last_error, failure_code, next_attempt_at):
--  * the mails waiting to go are listed in mail_outbox_due (id, lane, next_attempt_at), a row
--    inserted with a PENDING mail and deleted when it leaves PENDING (sent, failed for good, held,
--    bounced); OutboxRepository keeps the two in step in the same statements. No foreign key (a
--    check per mail): a row whose mail is gone is never claimed (the claim joins the mail) and is
--    swept by MailRemoval;
--  * the programme index is on programme_id alone (the delivery page and the attention count read
--    a programme's rows and filter on status);
--  * fillfactor 50: a batch sends the rows of a page together, and a HOT update needs room for the
--    new version on the same page.
create table mail_outbox_due (
    id              uuid primary key,
    lane            smallint not null,
    next_attempt_at timestamptz not null
);
create index mail_outbox_due_lane_idx on mail_outbox_due (lane, next_attempt_at);

insert into mail_outbox_due (id, lane, next_attempt_at)
select id, lane, next_attempt_at from mail_outbox where status = 'PENDING';

drop index mail_outbox_lane_due_idx;
drop index mail_outbox_programme_idx;
create index mail_outbox_programme_idx on mail_outbox (programme_id) where programme_id is not null;
alter table mail_outbox set (fillfactor = 50);
