-- Issue 16, eighth pass (PostgreSQL's work per registration).
-- The outbox's personal fields are ciphertext (ADR 0014): PostgreSQL cannot compress them, yet for
-- every mail whose row is over the toast threshold (a registration mail: ~3.4 kB) it tried pglz on
-- each of them before moving the HTML body out of line. EXTERNAL: out of line when needed, never
-- a compression attempt. Rows already stored are not rewritten (nothing changes for them).
alter table mail_outbox
    alter column recipient set storage external,
    alter column subject set storage external,
    alter column body_text set storage external,
    alter column body_html set storage external,
    alter column unsubscribe_url set storage external;

-- The mail notes are taken "due, in id order" (RegistrationMailJobs): the primary key walks them in
-- that order and stops at the batch's size; (next_attempt_at, id) was one more index entry per
-- registration that the query does not need (a note is due when written, deferred only after a
-- failure). The note's registration index stays: the registration's foreign key cascades by it.
drop index registration_mail_job_due_idx;
