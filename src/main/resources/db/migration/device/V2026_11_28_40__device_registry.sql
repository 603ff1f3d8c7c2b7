-- The device registry. A device's code is its MQTT client id and username. Only the SHA-256 hash
-- of its current credential is stored (see DeviceCredentials for why not BCrypt); every
-- registration, rotation and revocation is kept in device_credential_event.

create table device_registration (
    code                  varchar(40)  primary key,
    type                  varchar(30)  not null,
    serial                varchar(64)  not null unique,
    hall                  varchar(40)  not null,
    zone                  varchar(40)  not null,
    x                     integer      not null,
    y                     integer      not null,
    simulated             boolean      not null default false,
    credential_hash       bytea        not null check (length(credential_hash) = 32),
    credential_state      varchar(10)  not null check (credential_state in ('ACTIVE', 'REVOKED')),
    credential_issued_at  timestamptz  not null,
    registered_at         timestamptz  not null,
    registered_by         varchar(100) not null
);

create table device_credential_event (
    id           bigint generated always as identity primary key,
    device_code  varchar(40)  not null references device_registration (code),
    kind         varchar(10)  not null check (kind in ('REGISTERED', 'ROTATED', 'REVOKED')),
    actor        varchar(100) not null,
    at           timestamptz  not null
);

create index device_credential_event_device on device_credential_event (device_code, at);
