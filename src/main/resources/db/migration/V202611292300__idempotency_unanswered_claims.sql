-- Idempotency-Key claims are now taken in the transaction of the work they guard, together with
-- the stored answer, so a claim without an answer (status 0) is never committed any more. Such rows
-- left by the earlier claim-first code belong to requests that crashed between claim and answer;
-- they would refuse their key for ever (409 idempotency.inProgress). Free those keys.
delete from idempotency_record where status = 0;

-- Registrations stored a Location for 200 ("already registered") answers too but sent it only with
-- 201; the shared code replays whatever Location is stored.
update idempotency_record set location = null where status <> 201 and location is not null;
