-- The outbox's problems listed apart (eleventh stop, operations): the mails that failed for good,
-- bounced or are held, each a row here with its status and programme, written in the same
-- statement that gives the mail that status and deleted by the one that queues it again
-- (OutboxQueueRepository, OutboxStatusRepository, ProgrammeDelivery). The "failed mails" figure
-- (metrics) and a programme's count of mail problems (its overview) counted the outbox's rows by
-- status, which no index of mail_outbox names (V202612130200: a status in an index would make the
-- "sent" update non-HOT), i.e. read the whole outbox, or all of a programme's mails; now they
-- count this small table. A foreign key with cascade (a mail removed takes its row along): only
-- a removal checks it, never a send.
create table mail_outbox_problem (
    id           uuid primary key references mail_outbox (id) on delete cascade,
    status       text not null check (status in ('FAILED', 'BOUNCED', 'HELD')),
    programme_id uuid
);
create index mail_outbox_problem_programme_idx on mail_outbox_problem (programme_id, status)
    where programme_id is not null;

insert into mail_outbox_problem (id, status, programme_id)
select id, status, programme_id from mail_outbox where status in ('FAILED', 'BOUNCED', 'HELD');
