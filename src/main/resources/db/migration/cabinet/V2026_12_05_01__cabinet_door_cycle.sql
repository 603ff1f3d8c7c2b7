-- Issue 11: door cycles (docs/cabinet.md, "Doors"). Every time the platform opens a compartment — a
-- citizen's deposit or pickup, a collector's collection, staff placing a result — one row follows
-- the door from the command to its confirmation by the device's door and item-sensor events. The
-- state lives here, not in a node's memory: any node handles the next event, and a restart loses
-- nothing. A door event with no cycle (forced open, someone with a key) becomes an UNPLANNED cycle.
create table cabinet_door_cycle (
    id              uuid         primary key,
    cabinet_code    varchar(64)  not null,
    compartment     varchar(8)   not null,
    purpose         varchar(12)  not null check (purpose in ('DEPOSIT', 'PICKUP', 'COLLECT', 'PLACE', 'RETURN', 'UNPLANNED')),
    reservation_id  uuid,
    envelope        varchar(120),
    actor           varchar(100) not null,
    state           varchar(12)  not null check (state in ('OPENING', 'OPEN', 'DONE', 'EMPTY', 'NOT_TAKEN', 'JAMMED', 'FAILED')),
    command_id      uuid,
    started_at      timestamptz  not null,
    opened_at       timestamptz,
    closed_at       timestamptz,
    occupied        boolean,
    occupied_at     timestamptz,
    finished_at     timestamptz,
    detail          varchar(200),
    replaced_by     uuid
);

-- At most one unfinished cycle per door.
create unique index cabinet_door_cycle_active on cabinet_door_cycle (cabinet_code, compartment) where finished_at is null;
create index cabinet_door_cycle_cabinet on cabinet_door_cycle (cabinet_code, started_at desc);
create index cabinet_door_cycle_stale on cabinet_door_cycle (started_at) where finished_at is null;

-- A token is signed over the compartment it was issued for; a jammed door moves the reservation to
-- another compartment without spoiling the token. A deposit the sensor did not confirm makes the
-- token usable again until grace_until.
alter table cabinet_reservation add column token_compartment varchar(8);
alter table cabinet_reservation add column grace_until timestamptz;
update cabinet_reservation set token_compartment = compartment where short_code_hash is not null;

-- When a compartment's content arrived (for the collection deadline and its alert).
alter table cabinet_compartment add column occupied_since timestamptz;
alter table cabinet_compartment add column overdue_alerted_at timestamptz;
alter table cabinet_compartment add column department varchar(20);

-- What each cabinet screen shows next: the last refusal or door cycle it started (the screen polls it).
create table cabinet_screen_notice (
    cabinet_code  varchar(64)  primary key,
    kind          varchar(20)  not null,
    detail        varchar(200),
    cycle_id      uuid,
    at            timestamptz  not null
);

-- Staff signed in at a cabinet screen (a collector collecting, staff placing a result): the browser
-- holds a random token whose SHA-256 is kept here; idle sessions end by themselves.
create table cabinet_staff_session (
    id             uuid         primary key,
    cabinet_code   varchar(64)  not null,
    token_hash     char(64)     not null unique,
    username       varchar(64)  not null,
    display_name   varchar(100) not null,
    departments    text         not null,
    roles          text         not null,
    started_at     timestamptz  not null,
    last_seen      timestamptz  not null,
    ended_at       timestamptz,
    end_reason     varchar(20)
);

create index cabinet_staff_session_open on cabinet_staff_session (cabinet_code) where ended_at is null;

-- A collector's sign-in in progress: password checked, SMS code sent, not yet entered.
create table cabinet_staff_challenge (
    id            uuid         primary key,
    cabinet_code  varchar(64)  not null,
    username      varchar(64)  not null,
    challenge_id  uuid         not null,
    created_at    timestamptz  not null,
    used_at       timestamptz
);

-- The item a deposit is for (its title goes into the collector's SMS; no personal data).
alter table cabinet_reservation add column item_code varchar(20);

-- The short code of a reservation, encrypted (platform.PersonalDataCipher), so that a reprinted receipt
-- carries the same code; cleared when the reservation ends. Presented codes are matched by short_code_hash.
alter table cabinet_reservation add column short_code_sealed varchar(200);
