-- A delegate who no longer wants a programme's announcements (RFC 8058 one-click or the page the
-- link opens). Registration mails, reminders and certificates still reach them.
create table announcement_opt_out (
    programme_id    uuid not null references programme (id) on delete cascade,
    registration_id uuid not null,
    created_at      timestamptz not null,
    primary key (programme_id, registration_id)
);

-- The one-click unsubscribe address of a bulk mail (encrypted: it is a link for one person).
alter table mail_outbox add column unsubscribe_url bytea;
