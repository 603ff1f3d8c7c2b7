-- Pairing codes an admin issued for a kiosk device: only a keyed hash of the 8 digits is kept.
create table kiosk_pairing_code (
    id           uuid primary key,
    device_code  varchar(64)  not null,
    code_hash    varchar(64)  not null,
    issued_by    varchar(100) not null,
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    withdrawn_at timestamptz
);
create index kiosk_pairing_code_hash on kiosk_pairing_code (code_hash);
create index kiosk_pairing_code_device on kiosk_pairing_code (device_code);

-- Browsers paired with a kiosk device: only the SHA-256 of the cookie's token is kept.
create table kiosk_pairing (
    id             uuid primary key,
    device_code    varchar(64)  not null,
    token_hash     varchar(64)  not null unique,
    paired_at      timestamptz  not null,
    paired_by_code uuid         not null references kiosk_pairing_code (id),
    user_agent     varchar(400) not null,
    last_seen      timestamptz  not null,
    revoked_at     timestamptz,
    revoked_by     varchar(100)
);
create index kiosk_pairing_device on kiosk_pairing (device_code);
