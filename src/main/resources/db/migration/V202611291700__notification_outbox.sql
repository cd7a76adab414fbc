-- Outgoing e-mail, written in the transaction of the change that caused it and sent by a
-- db-scheduler job. Everything that can name a person (address, subject, bodies, attachments) is
-- encrypted by the application; last_error never holds personal data.
create table mail_outbox (
    id              uuid primary key,
    kind            text not null check (kind ~ '^[a-z]+(\.[a-zA-Z0-9]+)+$'),
    related_id      uuid,
    recipient       bytea not null,
    subject         bytea not null,
    body_text       bytea not null,
    body_html       bytea,
    language        text not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    dedupe_key      text not null unique
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_created_idx on mail_outbox (created_at desc);

create table mail_attachment (
    mail_id      uuid not null references mail_outbox (id) on delete cascade,
    position     int not null,
    filename     text not null,
    content_type text not null,
    content      bytea not null,
    primary key (mail_id, position)
);
