-- Materials of a session (slides, handouts): the file itself in the database, sealed under the
-- programme's key unless it is public; who may open it (as for recordings); each download by a
-- delegate, so that the organiser can list them (audited).

create table learning_material (
    id           uuid primary key,
    session_id   uuid not null references session (id) on delete cascade,
    programme_id uuid not null references programme (id) on delete cascade,
    title        text not null,
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text not null,
    access       text not null check (access in ('PUBLIC', 'REGISTERED', 'ATTENDED')),
    sealed       boolean not null,
    content      bytea not null,
    uploaded_by  uuid not null,
    uploaded_at  timestamptz not null
);
create index learning_material_session on learning_material (session_id, uploaded_at);
create index learning_material_programme on learning_material (programme_id) where access = 'PUBLIC';

create table learning_material_download (
    id              uuid primary key,
    material_id     uuid not null references learning_material (id) on delete cascade,
    session_id      uuid not null references session (id) on delete cascade,
    registration_id uuid not null references registration (id) on delete cascade,
    at              timestamptz not null
);
create index learning_material_download_material on learning_material_download (material_id, at);
