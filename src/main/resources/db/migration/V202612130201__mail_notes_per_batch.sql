-- Issue 16, ninth pass: the mail notes of a group batch (ADR 0004, group commit) in one row.
-- A batch registered together noted one row per registration: an insert with two index entries, a
-- foreign-key check that locks the registration row (a WAL record of its own) and a delete, per
-- registration. Now such a batch notes one row listing its registrations in arrival order
-- (registration_ids); a registration noted alone keeps registration_id and its foreign key. A
-- listed registration that is gone by the time the note is composed gets no mail (there is no
-- one to send it to), as a cascaded note did before.
alter table registration_mail_job alter column registration_id drop not null;
alter table registration_mail_job add column registration_ids uuid[];
alter table registration_mail_job add constraint registration_mail_job_one_or_listed
    check ((registration_id is null) <> (registration_ids is null));
