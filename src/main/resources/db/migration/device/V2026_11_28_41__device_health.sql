-- Device health history, deduplication of device events, and the command log.

-- Every change of a device's status and every alert raised or cleared, newest last.
create table device_status_change (
    id          bigserial primary key,
    device_code varchar(64) not null,
    hall_code   varchar(64),
    change      varchar(16) not null,  -- STATUS | ALERT_RAISED | ALERT_CLEARED
    status      varchar(16) not null,  -- the device's status after the change
    alert       varchar(32),           -- the alert, for ALERT_*
    detail      varchar(200),          -- why (offline reason) or what (peripheral, compartment); never personal data
    changed_at  timestamptz not null
);
create index device_status_change_by_device on device_status_change (device_code, changed_at desc, id desc);

-- Device events already published, by the device's event id (QoS 1 delivers at least once).
create table device_event_receipt (
    event_id    uuid primary key,
    device_code varchar(64) not null,
    type        varchar(32) not null,
    received_at timestamptz not null
);

-- Every command sent to a device and its outcome.
create table device_command (
    id          uuid primary key,
    device_code varchar(64) not null,
    hall_code   varchar(64),
    type        varchar(32) not null,
    attempts    integer not null,
    sent_at     timestamptz not null,
    outcome     varchar(16) not null,  -- PENDING | OK | ERROR | TIMED_OUT | OFFLINE
    code        varchar(64),
    message     varchar(500),
    replied_at  timestamptz,
    late        boolean not null default false
);
create index device_command_by_device on device_command (device_code, sent_at desc);
