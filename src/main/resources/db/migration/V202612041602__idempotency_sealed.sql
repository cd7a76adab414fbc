-- Idempotency records keep the answer encrypted (sealed_body) and the request only as a keyed
-- HMAC. Earlier records held a plain SHA-256 of the request (a new user's password could be
-- guessed offline from it) and the answer in clear: both go. Their keys stay taken, so a late
-- retry with such a key is refused (422 idempotency.mismatch) instead of creating twice.
alter table idempotency_record add column sealed_body bytea;
update idempotency_record set request_hash = 'retired', body = null;
