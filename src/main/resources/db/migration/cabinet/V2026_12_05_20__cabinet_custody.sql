-- Issue 11: the chain of custody (交接记录, docs/cabinet-custody.md). One row per hand-over of an
-- envelope (a filing's paper or its result), numbered 1, 2, 3 … per envelope and hash-chained: hash
-- is the hex SHA-256 of previous_hash and the row's fields (the encoding is in the doc), previous_hash
-- of sequence 1 is 64 zeros. Appends are serialised per envelope by an advisory lock; the table is
-- append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for everyone, the owner included, until
-- the owner disables it on purpose (archiving, docs/cabinet-custody.md).
create table cabinet_custody (
    envelope        varchar(120)  not null,
    kind            varchar(8)    not null check (kind in ('PAPER', 'RESULT')),
    filing_number   varchar(100)  not null,
    sequence        integer       not null check (sequence >= 1),
    step            varchar(24)   not null,
    actor           varchar(120)  not null,
    cabinet_code    varchar(64),
    compartment     varchar(8),
    note            varchar(500),
    at              timestamptz   not null,
    previous_hash   char(64)      not null,
    hash            char(64)      not null,
    primary key (envelope, sequence),
    check (envelope = lower(kind) || ':' || filing_number)
);

create index cabinet_custody_filing on cabinet_custody (filing_number, at);

create function cabinet_custody_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'cabinet_custody is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger cabinet_custody_append_only before update or delete on cabinet_custody
    for each row execute function cabinet_custody_append_only();
create trigger cabinet_custody_no_truncate before truncate on cabinet_custody
    for each statement execute function cabinet_custody_append_only();

-- What the last verification found, per chain (the admin page lists it); replaced by each run.
create table cabinet_custody_check (
    envelope        varchar(120)  primary key,
    entries         integer       not null,
    broken_at       integer,
    problem         varchar(200),
    checked_at      timestamptz   not null
);

-- One row per verification run (the newest is "the last verification"): scheduled, or an operator's.
create table cabinet_custody_run (
    id              bigint        generated always as identity primary key,
    started_at      timestamptz   not null,
    finished_at     timestamptz   not null,
    chains          integer       not null,
    broken          integer       not null,
    started_by      varchar(120)  not null
);
