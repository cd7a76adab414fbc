-- Issue 16, thirteenth pass: every registration wrote an entry in an index of its blind e-mail index
-- alone, which no query reads. The blind index is computed per programme (V202612050102: each
-- programme's own key), so every look-up by address names the programme too — the group statement's
-- check, findByEmailIndex, ofEmail's (programme, index) pairs, RegistrationHolders' join — and the
-- unique (programme_id, email_index) index serves them all. One index entry (a descent to a random
-- leaf page and a WAL record) less per registration.
drop index registration_email_idx;
