-- One row per limited key and fixed window, shared by all nodes. The bucket is the limit's name and
-- a keyed digest of the key (never an address or id in clear); rows are deleted once the window ends.
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    window_end   timestamptz not null,
    uses         integer     not null,
    primary key (bucket, window_start)
);

create index rate_limit_window_end on rate_limit_window (window_end);
