-- Device faults the duty operator is told about (issue 10; docs/notifications.md, "Operator alerts").
-- One row per device, alert and detail (a compartment, the printer): open while the fault lasts.
-- due_at is when the operator is to be told (at once for a fault, after a while for offline, at the
-- end of the quiet period for a fault that came back too soon); a job claims due rows.
create table alerting_incident (
    device_code    varchar(64)   not null,
    alert          varchar(30)   not null,
    detail         varchar(100)  not null,
    hall           varchar(64)   not null,
    open           boolean       not null,
    raised_at      timestamptz   not null,
    cleared_at     timestamptz,
    due_at         timestamptz,
    notified_at    timestamptz,
    notified_open  boolean       not null default false,
    primary key (device_code, alert, detail)
);

create index alerting_incident_due on alerting_incident (due_at) where open and due_at is not null;
