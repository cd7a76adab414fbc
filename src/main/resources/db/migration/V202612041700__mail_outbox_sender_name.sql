-- The display name a mail is sent under: the organisation's mail sender name for mails about a
-- programme without neutral wording; null (the installation's sender) otherwise.
alter table mail_outbox add column sender_name text;
