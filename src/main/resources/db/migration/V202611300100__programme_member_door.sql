-- Door staff: may open the door lists of a programme's sessions and check people in, nothing else
-- (no registrations, exports, reports or settings). Least privilege for volunteers at the door.
alter table programme_member drop constraint programme_member_role_check;
alter table programme_member add constraint programme_member_role_check
    check (role in ('ORGANISER', 'SPEAKER', 'FUNDER', 'DOOR'));
