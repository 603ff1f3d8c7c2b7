-- Every attempt to print a filing's receipt, first print and reprints alike.
create table filing_print (
    id           uuid         primary key,
    filing_id    uuid         not null references filing (id),
    device_code  varchar(64)  not null,
    copy         int          not null,
    printed      boolean      not null,
    code         varchar(50),
    message      varchar(500),
    at           timestamptz  not null,
    unique (filing_id, copy)
);
