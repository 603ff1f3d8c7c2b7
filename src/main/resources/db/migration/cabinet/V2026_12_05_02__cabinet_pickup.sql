-- A result waiting for its citizen in the cabinet (docs/cabinet.md, "Results for pickup"). One row per
-- pickup reservation: staff reserved it (WAITING_PLACE), placed the result (READY, the pickup code texted),
-- the citizen took it (PICKED_UP), or it waited too long, or the identity check failed too often, and goes
-- back to the counter (TO_RETURN, then RETURNED once staff took it out). The phone is encrypted; the ID
-- number is kept only as keyed hashes: the whole number (to match a card read at the cabinet) and its last
-- six characters salted with the reservation (the second factor typed on the screen).
create table cabinet_pickup (
    reservation_id     uuid          primary key references cabinet_reservation (id),
    cabinet_code       varchar(64)   not null,
    filing_number      varchar(100)  not null,
    item_code          varchar(20)   not null,
    department         varchar(20)   not null,
    locale             varchar(10)   not null,
    phone              varchar(200)  not null,
    id_index           varchar(100)  not null,
    id_last6_hash      varchar(100)  not null,
    state              varchar(16)   not null check (state in ('WAITING_PLACE', 'READY', 'PICKED_UP', 'TO_RETURN', 'RETURNED', 'CANCELLED')),
    identity_failures  integer       not null default 0,
    reserved_by        varchar(100)  not null,
    reserved_at        timestamptz   not null,
    placed_at          timestamptz,
    return_due_at      timestamptz,
    reminded_at        timestamptz,
    finished_at        timestamptz,
    return_reason      varchar(30)
);

create index cabinet_pickup_filing on cabinet_pickup (filing_number);
create index cabinet_pickup_ready on cabinet_pickup (state, placed_at) where state in ('READY', 'TO_RETURN');
create unique index cabinet_pickup_one_open on cabinet_pickup (filing_number)
    where state in ('WAITING_PLACE', 'READY', 'TO_RETURN');
