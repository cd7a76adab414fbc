-- Issue 16, thirteenth pass: the unique constraint on delegate_address.feed_hash indexed every
-- address, although only a delegate who asked for a calendar feed has a hash; each address recorded
-- when its first mail is queued wrote a null entry. A partial unique index keeps the same rule (a
-- hash names one address; nulls never conflicted) and serves the only look-up, "where feed_hash =
-- :h", which implies "is not null". Same name, so a violation reads as before.
alter table delegate_address drop constraint delegate_address_feed_hash_key;
create unique index delegate_address_feed_hash_key on delegate_address (feed_hash)
  where feed_hash is not null;
