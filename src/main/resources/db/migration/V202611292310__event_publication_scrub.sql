-- Declined-registration events carried the organiser's message to the delegate (personal data) in
-- clear in the event registry; the decline e-mail now reads it from the encrypted registration.
-- Remove it from the events already stored.
update event_publication
   set serialized_event = (serialized_event::jsonb - 'message')::text
 where event_type like '%.RegistrationDeclined'
   and serialized_event::jsonb ? 'message';
