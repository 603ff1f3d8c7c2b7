-- The notifications outbox: one row per message, written in the sender's transaction and
-- dispatched by a scheduled job. The recipient must stay readable to be sent.
create table notification_outbox (
    id          uuid         primary key,
    channel     varchar(10)  not null,
    recipient   varchar(20)  not null,
    text        text         not null,
    purpose     varchar(50)  not null,
    state       varchar(10)  not null,
    attempts    int          not null default 0,
    last_error  varchar(500),
    created_at  timestamptz  not null,
    next_at     timestamptz  not null,
    sent_at     timestamptz
);

create index notification_outbox_pending on notification_outbox (next_at) where state = 'PENDING';
create index notification_outbox_created on notification_outbox (created_at desc);
