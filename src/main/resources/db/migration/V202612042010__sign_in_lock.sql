-- Sign-in locks after repeated failures, per account (keyed digest of the e-mail address, known or
-- not) and per client address. level counts the locks of the last day: each lasts twice as long.
create table sign_in_lock (
    lock_key       text primary key,
    level          int not null default 0,
    locked_until   timestamptz not null,
    last_locked_at timestamptz not null
);
