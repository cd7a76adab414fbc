-- Contract (after V202612041000's expand): every writer has written MEMBER since then; the old
-- name ORGANISER is no longer accepted in organisation_member. (Programme roles keep ORGANISER.)
update organisation_member set role = 'MEMBER' where role = 'ORGANISER';
alter table organisation_member drop constraint organisation_member_role_check;
alter table organisation_member
    add constraint organisation_member_role_check check (role in ('ADMIN', 'MEMBER'));
