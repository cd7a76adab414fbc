-- Mails composed with a programme's neutral wording go out from the neutral sender.
alter table mail_outbox add column neutral boolean not null default false;
