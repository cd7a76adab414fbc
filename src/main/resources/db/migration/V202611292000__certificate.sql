-- Certificates: issued documents (personal data and the signed PDF encrypted), per-programme
-- settings, eligibility overrides, and each organisation's signing key (private key encrypted).

create table certificate_signing_key (
    organisation_id uuid primary key references organisation (id),
    certificate_pem text not null,
    private_key     bytea not null,
    created_at      timestamptz not null default now()
);

create table certificate_settings (
    programme_id     uuid primary key references programme (id) on delete cascade,
    topic_neutral    boolean not null default false,
    neutral_title    jsonb not null default '{}',
    signatories      jsonb not null default '[]',
    logo             bytea,
    template         text,
    template_version int not null default 0,
    updated_at       timestamptz not null default now()
);

create table certificate_override (
    registration_id uuid primary key references registration (id) on delete cascade,
    programme_id    uuid not null references programme (id) on delete cascade,
    reason          text not null,
    decided_by      uuid references app_user (id),
    decided_at      timestamptz not null
);

create table certificate (
    id                uuid primary key,
    code              text not null unique check (code ~ '^[0-9A-Z]{20}$'),
    registration_id   uuid not null references registration (id),
    programme_id      uuid not null references programme (id),
    organisation_id   uuid not null references organisation (id),
    status            text not null check (status in ('VALID', 'REVOKED', 'SUPERSEDED')),
    issued_at         timestamptz not null,
    revoked_at        timestamptz,
    revocation_reason text,
    superseded_by     uuid references certificate (id) deferrable initially deferred,
    superseded_at     timestamptz,
    half_hours        int not null check (half_hours >= 0),
    language          text not null check (language in ('en', 'ru', 'kk')),
    holder_name       bytea not null,
    licence_number    bytea,
    programme_title   text not null,
    issuer            text not null,
    topic_neutral     boolean not null,
    template_version  int not null,
    overridden        boolean not null default false,
    pdf               bytea not null
);
-- At most one valid certificate per registration: a second bulk issue finds it and skips.
create unique index certificate_one_valid_uk on certificate (registration_id) where status = 'VALID';
create index certificate_programme_ix on certificate (programme_id, issued_at);
