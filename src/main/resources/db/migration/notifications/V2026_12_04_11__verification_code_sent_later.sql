-- A challenge may be opened before (or without) a code being sent (the public progress lookup opens
-- one for every well-formed number, and sends a code only where a filing with a phone exists): the
-- phone and the code's hash are set when the code is sent, at sent_at; per-phone limits count sent codes.
alter table verification_code alter column phone_index drop not null;
alter table verification_code alter column code_hash drop not null;
alter table verification_code add column sent_at timestamptz;
update verification_code set sent_at = created_at;

drop index verification_code_phone;
create index verification_code_phone on verification_code (phone_index, sent_at desc) where phone_index is not null;
