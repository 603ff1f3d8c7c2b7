-- What a staff account works for and where its one-time sign-in codes go: departments is a
-- comma-separated list of department codes (SW, WJ, ...) for collectors and reviewers; the phone is
-- personal data, encrypted (platform.PersonalDataCipher) with a masked copy for lists.
alter table accounts_staff
    add column departments  text         not null default '',
    add column phone        varchar(200),
    add column phone_masked varchar(20),
    add constraint accounts_staff_phone check ((phone is null) = (phone_masked is null));
