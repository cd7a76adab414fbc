-- Knowledge tests (one question bank per programme, in each of its languages) and feedback surveys.

create table learning_test (
    programme_id uuid primary key references programme (id) on delete cascade,
    pass_mark    int not null default 70 check (pass_mark between 1 and 100),
    post_days    int not null default 30 check (post_days between 1 and 365),
    opened       boolean not null default false,
    updated_at   timestamptz not null
);

create table learning_question (
    id           uuid primary key,
    programme_id uuid not null references programme (id) on delete cascade,
    position     int not null,
    kind         text not null check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
    body         jsonb not null,
    options      jsonb not null,
    correct      int[] not null,
    explanation  jsonb not null,
    created_at   timestamptz not null
);
create index learning_question_programme on learning_question (programme_id, position);

-- One attempt per delegate and kind: the unique key makes a double submit store one attempt.
create table learning_attempt (
    id              uuid primary key,
    programme_id    uuid not null references programme (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    kind            text not null check (kind in ('PRE', 'POST')),
    score           int not null,
    max_score       int not null check (max_score > 0),
    passed          boolean not null,
    submitted_at    timestamptz not null,
    unique (programme_id, registration_id, kind)
);

create table learning_answer (
    attempt_id  uuid not null references learning_attempt (id) on delete cascade,
    question_id uuid not null references learning_question (id) on delete cascade,
    chosen      int[] not null,
    correct     boolean not null,
    primary key (attempt_id, question_id)
);

-- Feedback surveys: one per session (session_key = the session id) and one at the end
-- (session_key = the programme id). Anonymous surveys store no link to the delegate in the answer;
-- learning_survey_responded alone says who has answered (without a time), so one answer each holds.
create table learning_survey_setting (
    programme_id uuid primary key references programme (id) on delete cascade,
    anonymous    boolean not null default true,
    updated_at   timestamptz not null
);

create table learning_survey_answer (
    id              uuid primary key,
    programme_id    uuid not null references programme (id) on delete cascade,
    session_key     uuid not null,
    final_survey    boolean not null,
    registration_id uuid references registration (id) on delete set null,
    satisfaction    int not null check (satisfaction between 1 and 5),
    relevance       int not null check (relevance between 1 and 5),
    speaker         int check (speaker between 1 and 5),
    comment_sealed  bytea,
    answered_on     date not null
);
create index learning_survey_answer_programme on learning_survey_answer (programme_id, session_key);

create table learning_survey_responded (
    programme_id    uuid not null references programme (id) on delete cascade,
    session_key     uuid not null,
    registration_id uuid not null references registration (id) on delete cascade,
    primary key (programme_id, session_key, registration_id)
);
