-- Staff contacts (collectors, reviewers, duty operators) and the messages waiting for their morning
-- digest (docs/notifications.md). Phone and e-mail are personal data: encrypted
-- (platform.PersonalDataCipher), with a masked copy for lists. SMS hours are the hall's local time;
-- sms_until < sms_from spans midnight, sms_until = sms_from is all day (00:00–24:00).
create table notification_contact (
    id            uuid         primary key,
    display_name  varchar(50)  not null,
    role          varchar(20)  not null check (role in ('COLLECTOR', 'REVIEWER', 'DUTY_OPERATOR')),
    department    varchar(20),
    hall          varchar(20)  not null,
    phone         varchar(200) not null,
    phone_masked  varchar(20)  not null,
    email         varchar(600),
    email_masked  varchar(260),
    sms_from      time         not null,
    sms_until     time         not null,
    enabled       boolean      not null default true,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null,
    constraint notification_contact_department check ((role = 'DUTY_OPERATOR') = (department is null)),
    constraint notification_contact_email check ((email is null) = (email_masked is null))
);

create index notification_contact_audience on notification_contact (hall, role, department) where enabled;

-- A message a contact was not texted because it came outside their SMS hours: the text as admins may
-- see it (one-time codes masked), until the digest sends it (digested_at); kept a while, then deleted.
create table notification_digest_item (
    id           uuid         primary key,
    contact_id   uuid         not null references notification_contact (id),
    template     varchar(100) not null,
    text         text         not null,
    created_at   timestamptz  not null,
    digested_at  timestamptz
);

create index notification_digest_item_waiting on notification_digest_item (contact_id, created_at) where digested_at is null;
create index notification_digest_item_digested on notification_digest_item (digested_at) where digested_at is not null;
