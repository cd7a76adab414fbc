-- A file sent with many mails — a programme's calendar in one language — stored once and
-- referenced by each mail, instead of built, encrypted and inserted once per mail (issue 16).
-- The content is encrypted like the mails' parts, under the programme's key (ADR 0022), so that
-- shredding the key makes it unreadable. digest is the SHA-256 of file name, type and content: a
-- changed programme or session time gives a different file and so a new row, never a stale one.
-- Rows no mail refers to any more are removed with the programme's mail (MailRemoval) or by the
-- outbox clean-up; the foreign key keeps a referenced file from going.
create table mail_shared_attachment (
    id           uuid primary key,
    programme_id uuid not null references programme (id) on delete cascade,
    language     text not null,
    digest       text not null,
    filename     text not null,
    content_type text not null,
    content      bytea not null,
    created_at   timestamptz not null,
    unique (programme_id, language, digest)
);
alter table mail_outbox add column shared_attachment_id uuid references mail_shared_attachment (id);
create index mail_outbox_shared_attachment_idx on mail_outbox (shared_attachment_id)
    where shared_attachment_id is not null;
