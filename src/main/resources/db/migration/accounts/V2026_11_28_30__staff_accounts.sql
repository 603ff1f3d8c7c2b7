-- Staff accounts. Only a BCrypt hash of each password is stored; roles is a comma-separated list
-- of StaffRole names (ADMIN, STAFF).

create table accounts_staff (
    id                    uuid         primary key,
    username              varchar(64)  not null unique,
    display_name          varchar(100) not null,
    password_hash         varchar(100) not null,
    roles                 text         not null,
    enabled               boolean      not null default true,
    created_at            timestamptz  not null,
    must_change_password  boolean      not null default false
);
