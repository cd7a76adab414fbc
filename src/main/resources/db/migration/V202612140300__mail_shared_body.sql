-- Issue 16, tenth pass: a registration mail's words stored once per batch, not once per mail.
-- The mails a batch composes for one kind, programme and language differ only in the greeting
-- (MailRenderer.Skeleton). Their subject and the text and HTML around the greeting are stored once
-- in mail_shared_body, sealed under the programme's key like the mails (ADR 0022), found by the
-- SHA-256 of what they say and the calendar they send; each mail keeps its recipient and its
-- greeting (sealed) and refers to the body. Its text and HTML are made from the two when it is
-- read (sending, the outbox page, the person's data). The body refers to the calendar file its
-- mails send, so such a mail checks one foreign key for both (shared_attachment_id stays null).
-- Bodies no mail refers to any more go with the programme's mail (MailRemoval); the foreign key
-- keeps a body that a mail still refers to. Nothing personal is in a body.
create table mail_shared_body (
    id                   uuid primary key,
    programme_id         uuid not null references programme (id) on delete cascade,
    language             text not null,
    digest               text not null,
    body                 bytea not null,
    shared_attachment_id uuid references mail_shared_attachment (id),
    created_at           timestamptz not null,
    unique (programme_id, language, digest)
);
alter table mail_shared_body alter column body set storage external;

alter table mail_outbox
    add column shared_body_id uuid references mail_shared_body (id),
    add column greeting bytea,
    alter column subject drop not null,
    alter column body_text drop not null;
alter table mail_outbox add constraint mail_outbox_words_check
    check (shared_body_id is not null or (subject is not null and body_text is not null));
create index mail_outbox_shared_body_idx on mail_outbox (shared_body_id)
    where shared_body_id is not null;
