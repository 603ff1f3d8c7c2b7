-- Filings (申办件). Personal data is encrypted by the application (PersonalDataCipher): the
-- applicant's name, ID number (plus a blind index for lookups), phone, and the form as a whole.
create table filing (
    id               uuid         primary key,
    number           varchar(60)  not null unique,
    item_code        varchar(20)  not null,
    item_version     int          not null,
    department       varchar(10)  not null,
    handling_type    varchar(10)  not null,
    status           varchar(30)  not null,
    applicant_name   text         not null,
    id_number        text         not null,
    id_number_index  char(64)     not null,
    enterprise_code  varchar(18),
    phone            text,
    form             text         not null,
    device_code      varchar(50)  not null,
    hall_code        varchar(20)  not null,
    submitted_at     timestamptz  not null,
    due_date         date         not null,
    idempotency_key  varchar(100) not null unique,
    draft_id         uuid         not null
);

create index filing_id_number on filing (id_number_index);
create index filing_submitted on filing (submitted_at desc);

-- A filing's files: the content is in the document store, encrypted with a per-file key, which is
-- stored here wrapped by the personal-data key.
create table filing_material (
    id              uuid         primary key,
    filing_id       uuid         not null references filing (id),
    material_index  int          not null,
    content_type    varchar(50)  not null,
    size            bigint       not null,
    pages           int          not null,
    sha256          char(64)     not null,
    source          varchar(20)  not null,
    file_key        text         not null
);

create index filing_material_filing on filing_material (filing_id);

-- Every status change of a filing, its submission (from_status null) first.
create table filing_transition (
    id           bigserial    primary key,
    filing_id    uuid         not null references filing (id),
    from_status  varchar(30),
    to_status    varchar(30)  not null,
    actor        varchar(100) not null,
    reason       varchar(500) not null,
    at           timestamptz  not null
);

create index filing_transition_filing on filing_transition (filing_id, id);

-- Daily filing sequence per hall: one row per hall and day, bumped with insert … on conflict.
create table filing_counter (
    hall_code  varchar(20) not null,
    day        date        not null,
    last       int         not null,
    primary key (hall_code, day)
);
