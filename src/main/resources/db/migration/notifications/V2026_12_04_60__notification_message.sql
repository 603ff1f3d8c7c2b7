-- Issue 10: the outbox with delivery states (ADR 0018, docs/notifications.md).
--
-- notification_outbox held rendered texts in the clear (one-time codes among them) and states that
-- claimed SENT although the only provider logged: nothing in it ever left the platform. It is
-- dropped, not migrated: its codes must not survive, and its recipients were not encrypted.
drop table notification_outbox;

-- One row per message. The recipient is encrypted (PersonalDataCipher), found by its blind index,
-- shown masked. body/subject hold what is sent (encrypted) until the message is final, then are
-- cleared when the message held a secret; shown_* are the same texts with secrets masked, the only
-- ones any view reads.
create table notification_message (
    id               uuid          primary key,
    channel          varchar(10)   not null check (channel in ('SMS', 'EMAIL')),
    template         varchar(50)   not null,
    locale           varchar(10)   not null,
    recipient        text          not null,
    recipient_index  char(64)      not null,
    recipient_shown  varchar(260)  not null,
    subject          text,
    body             text,
    shown_subject    text,
    shown_body       text          not null,
    secret           boolean       not null,
    state            varchar(20)   not null check (state in ('QUEUED', 'SENDING', 'SUBMITTED', 'DELIVERED', 'TEMPORARY_FAILURE',
                                                             'PERMANENT_FAILURE', 'EXPIRED', 'LOGGED')),
    attempts         int           not null default 0,
    max_attempts     int           not null,
    parts            int           not null default 0,
    provider         varchar(20),
    provider_id      varchar(100),
    provider_answer  varchar(500),
    created_at       timestamptz   not null,
    useful_until     timestamptz   not null,
    next_at          timestamptz   not null,
    lease_until      timestamptz,
    submitted_at     timestamptz,
    finished_at      timestamptz
);

-- The dispatcher's queue, per channel; and the lease sweeper's.
create index notification_message_due on notification_message (channel, next_at) where state in ('QUEUED', 'TEMPORARY_FAILURE');
create index notification_message_leased on notification_message (lease_until) where state = 'SENDING';
create index notification_message_created on notification_message (created_at desc);
create index notification_message_recipient on notification_message (recipient_index, created_at desc);
create index notification_message_state on notification_message (state, created_at desc);

-- Every attempt to send a message: started before the provider is called (committed), ended
-- with its outcome. An attempt whose node stopped mid-call stays without an outcome until the
-- sweeper closes it as "outcome unknown".
create table notification_attempt (
    message_id  uuid          not null references notification_message (id) on delete cascade,
    number      int           not null,
    started_at  timestamptz   not null,
    ended_at    timestamptz,
    outcome     varchar(20),
    answer      varchar(500),
    by_whom     varchar(100)  not null,
    primary key (message_id, number)
);

-- The parts of a submitted SMS, by the provider's id of each: delivery receipts name a part.
create table notification_part (
    message_id   uuid          not null references notification_message (id) on delete cascade,
    attempt      int           not null,
    number       int           not null,
    provider     varchar(20)   not null,
    provider_id  varchar(100)  not null,
    state        varchar(20)   not null,
    answer       varchar(500),
    updated_at   timestamptz   not null,
    primary key (message_id, attempt, number)
);
create unique index notification_part_provider_id on notification_part (provider, provider_id);

-- A receipt that arrived before its submit was recorded (the SMSC may answer and report within
-- milliseconds, on another node's connection): applied when the part is recorded, swept after a day.
create table notification_early_receipt (
    provider     varchar(20)   not null,
    provider_id  varchar(100)  not null,
    state        varchar(20)   not null,
    answer       varchar(500),
    received_at  timestamptz   not null,
    primary key (provider, provider_id)
);
