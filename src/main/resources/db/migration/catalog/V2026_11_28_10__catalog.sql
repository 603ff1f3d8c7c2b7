-- The service catalog. Every change of an item is a new immutable version; catalog_item points
-- at the current one. catalog_state.revision grows with every change so that each node's
-- in-memory search index knows when to reload.

create table catalog_category (
    code      varchar(40) primary key,
    name_zh   text        not null,
    name_en   text        not null,
    position  integer     not null
);

create table catalog_department (
    code      varchar(10) primary key,
    name_zh   text        not null,
    name_en   text        not null
);

create table catalog_item (
    code             varchar(20) primary key,
    current_version  integer     not null,
    updated_at       timestamptz not null
);

create table catalog_item_version (
    code            varchar(20) not null references catalog_item (code),
    version         integer     not null check (version > 0),
    definition      jsonb       not null,
    source          varchar(10) not null check (source in ('FILE', 'ADMIN')),
    created_by      varchar(100) not null,
    created_at      timestamptz not null,
    changed_fields  text        not null,
    primary key (code, version)
);

create table catalog_state (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);

insert into catalog_state (id, revision) values (1, 0);
