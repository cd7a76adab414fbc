-- Tamper-evident audit log (ADR 0015): every entry carries its place in one chain, the hash of the
-- entry before it and its own hash (SHA-256 over a canonical encoding of its fields and the
-- previous hash). Entries are chained right after their transaction commits, under an advisory
-- lock, so writers on several nodes keep one chain. The head row lets verification notice entries
-- removed from the end. Existing entries are chained by the Java migration V202612042101.
alter table audit_entry add column chain_seq bigint;
alter table audit_entry add column prev_hash text;
alter table audit_entry add column hash text;
create unique index audit_entry_chain_seq_idx on audit_entry (chain_seq);
create index audit_entry_unchained_idx on audit_entry (at, id) where chain_seq is null;

create table audit_chain_head (
    id        int primary key check (id = 1),
    chain_seq bigint not null,
    hash      text not null
);
