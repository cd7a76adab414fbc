-- Personal check-in codes for the room door (QR code and typed), one per registration, so per
-- delegate and programme. The code is a keyed digest of the pair, computed again whenever it is
-- shown ("My trainings", a badge); this table only finds the registration of a scanned code, by a
-- keyed digest of the code, so a copy of the database reveals no working code. registration_id
-- carries no foreign key: the registration module owns that table.
create table attendance_checkin_code (
    code_hash       text primary key,
    registration_id uuid not null unique,
    programme_id    uuid not null references programme (id) on delete cascade,
    created_at      timestamptz not null
);
