-- Crypto-shredding (ADR 0022): each programme's personal data is encrypted under its own data keys
-- (a Tink AEAD keyset and a MAC keyset for blind indexes). They are stored here encrypted by a
-- per-key "key-encryption key" that lives outside the database (LECTERN_KEY_DIR), itself encrypted
-- by the installation's personal-data key. A purge empties the row and deletes the file: ciphertexts
-- in any earlier dump then meet a key that no longer exists anywhere.
create table programme_data_key (
    id           uuid primary key,
    -- No foreign key: a key may be created on its own connection while the programme's row is
    -- still uncommitted in the caller's transaction.
    programme_id uuid not null,
    -- Tink's primary key id: the first five bytes of every ciphertext name it, so a ciphertext
    -- tells which key opens it.
    key_id       integer not null unique,
    wrapped_aead bytea,
    wrapped_mac  bytea,
    created_at   timestamptz not null,
    destroyed_at timestamptz,
    check ((destroyed_at is null) = (wrapped_aead is not null and wrapped_mac is not null))
);
create unique index programme_data_key_live_uk on programme_data_key (programme_id)
    where destroyed_at is null;
