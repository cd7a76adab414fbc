-- Timing as a disclosure (SECURITY.md): a delegate's request for a sign-in link is answered after
-- the same work for every address — the address sealed and stored here, the row's id published in
-- an event. Whether the address is known, the link and its mail are decided and made after the
-- answer, by the event's listener, which deletes the row. Before, a known address was answered
-- after a token insert and a composed mail, an unknown one without: measurably slower or faster.
create table delegate_sign_in_request (
    id         uuid primary key,
    email      bytea not null,
    created_at timestamptz not null
);
