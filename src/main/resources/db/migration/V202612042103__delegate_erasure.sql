-- A delegate's request to erase their data (issue 13, item 5), waiting for the link in the e-mail
-- to be followed. Only the token's SHA-256 and the delegate's installation-wide blind index are
-- kept; the row is deleted when the erasure is carried out or the link has expired.
create table delegate_erasure_request (
    token_hash  text primary key,
    email_index text not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index delegate_erasure_request_expiry on delegate_erasure_request (expires_at);
