-- The audit trail: append-only and hash-chained (each hash covers the previous one). The
-- application never updates or deletes a row; the trigger refuses it from anyone else too.
create table audit_entry (
    sequence  bigint       primary key,
    at        timestamptz  not null,
    actor     varchar(100) not null,
    action    varchar(100) not null,
    subject   varchar(200) not null,
    detail    text         not null,
    hash      char(64)     not null
);

create index audit_entry_subject on audit_entry (subject, sequence);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
