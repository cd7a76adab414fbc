-- The audit viewer filters by programme: entries name it where their subject belongs to one.
alter table audit_entry add column programme_id uuid;

update audit_entry a set programme_id = cast(a.subject_id as uuid)
where a.subject_type = 'programme' and a.subject_id ~ '^[0-9a-f-]{36}$'
  and exists (select 1 from programme p where p.id = cast(a.subject_id as uuid));
update audit_entry a set programme_id = s.programme_id
from session s where a.subject_type = 'session' and a.subject_id = s.id::text;
update audit_entry a set programme_id = r.programme_id
from registration r where a.subject_type = 'registration' and a.subject_id = r.id::text;
update audit_entry a set programme_id = c.programme_id
from certificate c where a.subject_type = 'certificate' and (a.subject_id = c.code or a.subject_id = c.id::text);

create index audit_entry_programme_at_idx on audit_entry (programme_id, at desc);
create index audit_entry_actor_at_idx on audit_entry (actor_id, at desc);
create index audit_entry_at_idx on audit_entry (at desc);
