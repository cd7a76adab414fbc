-- Passkeys (WebAuthn) as a second factor and a way to sign in. Expand only.
--
-- passkey_user ties a person to the random WebAuthn user handle their passkeys carry; the name and
-- display name the authenticator shows are read from app_user (sealed there), never kept here.
create table passkey_user (
    user_id    uuid primary key references app_user (id) on delete cascade,
    -- The user handle, base64url (64 random bytes): what a discoverable passkey names its owner by.
    entity_id  varchar(1000) not null unique,
    created_at timestamptz not null default now()
);

-- Spring Security's JdbcUserCredentialRepository table (its PostgreSQL schema), with times as
-- instants and each credential tied to its owner's handle: removing the person removes it.
create table user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(1000) not null
        references passkey_user (entity_id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    -- The name the person gave the passkey ("Laptop"), shown on their security page.
    label                        varchar(1000) not null
);

create index user_credentials_owner on user_credentials (user_entity_user_id);
