-- Issue 11, first slice: the smart file cabinets' compartments and their reservations (docs/cabinet.md).
-- One row per compartment of every FILE_CABINET in a hall file (synchronised at start-up). A
-- compartment is FREE, RESERVED (for a deposit or a pickup, until reserved_until), OCCUPIED (with
-- what: a filing's paper or a result) or OUT_OF_ORDER (jammed, sensor fault). Reservations take a
-- FREE row under FOR UPDATE SKIP LOCKED, so two kiosks never get the same compartment.
create table cabinet_compartment (
    cabinet_code    varchar(64)  not null,
    name            varchar(8)   not null,
    size            varchar(8)   not null default 'M' check (size in ('S', 'M', 'L')),
    state           varchar(16)  not null check (state in ('FREE', 'RESERVED', 'OCCUPIED', 'OUT_OF_ORDER')),
    reservation_id  uuid,
    reserved_until  timestamptz,
    occupied_by     varchar(100),
    reason          varchar(200),
    updated_at      timestamptz  not null,
    primary key (cabinet_code, name)
);

create index cabinet_compartment_free on cabinet_compartment (cabinet_code, name) where state = 'FREE';
create index cabinet_compartment_reserved on cabinet_compartment (reserved_until) where state = 'RESERVED';

-- A reservation of a compartment for one deposit or one pickup. Its token (signed QR) names it; its
-- short code is kept only as a keyed hash. Used once: state ACTIVE → USED, or EXPIRED / CANCELLED.
create table cabinet_reservation (
    id              uuid          primary key,
    cabinet_code    varchar(64)   not null,
    compartment     varchar(8)    not null,
    purpose         varchar(10)   not null check (purpose in ('DEPOSIT', 'PICKUP')),
    subject         varchar(100)  not null,
    state           varchar(10)   not null check (state in ('ACTIVE', 'USED', 'EXPIRED', 'CANCELLED')),
    short_code_hash char(64),
    created_at      timestamptz   not null,
    expires_at      timestamptz   not null,
    used_at         timestamptz,
    used_by         varchar(100)
);

create unique index cabinet_reservation_short_code on cabinet_reservation (cabinet_code, short_code_hash) where state = 'ACTIVE';
create index cabinet_reservation_subject on cabinet_reservation (subject);
