-- Delegates' one-time sign-in tokens are kept only as SHA-256 digests (hex) from now on. Tokens
-- issued before keep working for their last minutes: their values are replaced by their digests.
-- Long-expired ones are unusable and go.
alter table one_time_tokens alter column token_value type varchar(64);
delete from one_time_tokens where expires_at < localtimestamp - interval '1 day';
update one_time_tokens set token_value = encode(sha256(convert_to(token_value, 'UTF8')), 'hex');
comment on column one_time_tokens.token_value is 'SHA-256 (hex) of the token; never the token';
