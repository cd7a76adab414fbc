-- An account made because an organisation administrator invited its address (ADR 0010, "an
-- invitation is accepted by its person"). Until the person joins an organisation, such an account is
-- reached by no organisation's managers — not as an "account of no organisation" either — so that
-- granting a role to the address answers as for an account of another organisation, and the inviter
-- cannot tell a new address from one that had an account. Expand only: older nodes ignore it.
alter table app_user add column organisation_invitee boolean not null default false;
