-- What a kiosk is asked to print (receipts, instant-item print-outs), each request once, printed after
-- the request that asked for it has answered (kiosk.internal.KioskPrinter, docs/printing.md).
create table kiosk_print (
    id            uuid         primary key,
    -- chosen by the asker: the same key is the same print (a double tap prints once)
    request_key   varchar(200) not null unique,
    device_code   varchar(64)  not null,
    -- what is printed, e.g. receipt:<filing number> or answer:<id>; copies count per subject
    subject       varchar(120) not null,
    copy          int          not null,
    -- a receipt is rendered from its filing when printed; any other document is kept here, sealed
    -- (PersonalDataCipher), until its print ends
    filing_number varchar(64),
    content       text,
    locale        varchar(20)  not null,
    state         varchar(10)  not null check (state in ('PENDING', 'PRINTING', 'PRINTED', 'FAILED')),
    code          varchar(50),
    message       varchar(500),
    -- the command id the print is sent under (so a resent print can be recognised by the device)
    command_id    uuid         not null,
    attempts      int          not null default 0,
    requested_at  timestamptz  not null,
    lease_until   timestamptz,
    ended_at      timestamptz,
    unique (subject, copy)
);
create index kiosk_print_open on kiosk_print (requested_at) where state in ('PENDING', 'PRINTING');

-- The receipt prints recorded before (applications' filing_print) become finished kiosk prints.
insert into kiosk_print (id, request_key, device_code, subject, copy, filing_number, locale, state, code, message,
                         command_id, attempts, requested_at, ended_at)
select p.id, 'filing_print:' || p.id, p.device_code, 'receipt:' || f.number, p.copy, f.number, 'zh-CN',
       case when p.printed then 'PRINTED' else 'FAILED' end, p.code, p.message, gen_random_uuid(), 1, p.at, p.at
from filing_print p join filing f on f.id = p.filing_id;
