-- Reflections and news (issue 14, item 7): posts an organisation publishes on its public site,
-- optionally about one of its programmes, each with language versions and an author whose public
-- profile is one of the organisation's speakers. Public content: nothing personal of delegates.
create table post (
    id                uuid primary key,
    organisation_id   uuid not null references organisation (id) on delete cascade,
    programme_id      uuid references programme (id) on delete set null,
    slug              text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    author_speaker_id uuid references speaker (id) on delete set null,
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    published_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (status = 'DRAFT' or published_at is not null)
);
create index post_organisation_idx on post (organisation_id, published_at desc);
create index post_programme_idx on post (programme_id) where programme_id is not null;

create table post_text (
    post_id  uuid not null references post (id) on delete cascade,
    language text not null check (language in ('en', 'ru', 'kk')),
    title    text not null check (length(title) between 1 and 200),
    body     text not null check (length(body) <= 50000),
    primary key (post_id, language)
);

-- Pictures uploaded for a post, re-encoded (no metadata) before they are stored.
create table post_image (
    id           uuid primary key,
    post_id      uuid not null references post (id) on delete cascade,
    content_type text not null check (content_type in ('image/png', 'image/jpeg')),
    bytes        bytea not null,
    created_at   timestamptz not null
);
create index post_image_post_idx on post_image (post_id);
