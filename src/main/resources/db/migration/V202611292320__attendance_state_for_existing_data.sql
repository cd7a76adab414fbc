-- Sessions whose attendance was recorded before results were stored (ADR 0008): mark them changed,
-- so that the first refresh computes them and reports know attendance exists.
insert into attendance_session_state (session_id, version)
select session_id, 1
from (select session_id from attendance_participant
      union select session_id from attendance_checkin) recorded
on conflict (session_id) do nothing;
