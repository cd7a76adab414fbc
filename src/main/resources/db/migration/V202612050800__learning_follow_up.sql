-- Follow-up survey N months after the programme's last session (Kirkpatrick level 3).

create table learning_follow_up_setting (
    programme_id uuid primary key references programme (id) on delete cascade,
    months       int not null default 3 check (months between 1 and 24),
    updated_at   timestamptz not null
);

-- Who was invited and reminded (one invitation and at most one reminder each).
create table learning_follow_up_sent (
    programme_id    uuid not null references programme (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    invited_at      timestamptz not null,
    reminded_at     timestamptz,
    primary key (programme_id, registration_id)
);

-- Answers: anonymous like the feedback surveys (then no registration); who has answered is kept
-- apart, without a time, so one answer each holds without linking a person to their answer.
create table learning_follow_up_answer (
    id              uuid primary key,
    programme_id    uuid not null references programme (id) on delete cascade,
    registration_id uuid references registration (id) on delete set null,
    used            boolean not null,
    cited           boolean not null,
    example_sealed  bytea,
    answered_on     date not null
);
create index learning_follow_up_answer_programme on learning_follow_up_answer (programme_id);

create table learning_follow_up_responded (
    programme_id    uuid not null references programme (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    primary key (programme_id, registration_id)
);
