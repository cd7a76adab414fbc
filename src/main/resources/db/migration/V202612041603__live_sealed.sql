-- Live rooms: display names, questions, chat and event payloads are stored encrypted from now on
-- (the application seals rows written before at start-up, see LiveAtRest).
alter table live_participant add column display_name_sealed bytea;
alter table live_question add column author_name_sealed bytea, add column body_sealed bytea,
    alter column body drop not null;
alter table live_chat_message add column author_name_sealed bytea, add column body_sealed bytea,
    alter column body drop not null;
alter table live_event add column sealed_payload bytea;
