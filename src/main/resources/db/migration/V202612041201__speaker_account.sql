-- A speaker record may be linked to an account, so the speaker can sign in, keep their own profile
-- and moderate their sessions' live room. invited_user_id holds the account invited to claim the
-- record until its owner signs in for the first time (which proves the invitation was accepted).
alter table speaker add column user_id uuid references app_user (id) on delete set null;
alter table speaker add column invited_user_id uuid references app_user (id) on delete set null;
create index speaker_user_idx on speaker (user_id) where user_id is not null;
create index speaker_invited_idx on speaker (invited_user_id) where invited_user_id is not null;
