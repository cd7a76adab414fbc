-- Priority lanes (MailLane): 0 urgent (sign-in links, password resets, registration mails),
-- 1 reminders, 2 bulk (announcements, certificates). Due mail leaves in lane order.
alter table mail_outbox add column lane smallint not null default 1 check (lane between 0 and 2);
update mail_outbox set lane = 0
  where kind like 'registration.%' or kind like 'identity.%' or kind like 'delegate.%';
update mail_outbox set lane = 2 where kind in ('programme.announcement', 'certificate.issued');
create index mail_outbox_lane_due_idx on mail_outbox (lane, next_attempt_at) where status = 'PENDING';
drop index if exists mail_outbox_due_idx;
