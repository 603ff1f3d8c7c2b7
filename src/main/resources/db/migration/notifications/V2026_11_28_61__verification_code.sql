-- One-time SMS codes, kept only as a keyed hash; the phone only as a blind index (for rate limits).
create table verification_code (
    id          uuid         primary key,
    purpose     varchar(100) not null,
    phone_index char(64)     not null,
    code_hash   char(64)     not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    wrong_tries int          not null default 0,
    used_at     timestamptz
);

create index verification_code_phone on verification_code (phone_index, created_at desc);
