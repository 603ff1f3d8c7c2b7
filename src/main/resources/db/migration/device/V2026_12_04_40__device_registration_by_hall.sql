-- A hall's registered devices are read at every guide page and API call (the hall's device list is
-- its file's devices plus those registered for it), so find them by hall without reading the rest
-- (a benchmark registers thousands of synthetic devices in another hall).
create index device_registration_by_hall on device_registration (hall, code);
