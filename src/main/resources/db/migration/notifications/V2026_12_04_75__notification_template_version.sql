-- Issue 10: admins' overrides of the message templates (docs/notifications.md).
--
-- templates.yaml stays the source of every template, its placeholders and channels; a row here is
-- one version of one template's texts: an admin's (source ADMIN, texts by field, e.g.
-- {"sms.zh-CN": "…", "sms.en": "…"}) or a return to the file's texts (source FILE, no texts).
-- The newest version of a template is in force. Rows are never changed or deleted.
create table notification_template_version (
    template_key  varchar(50)   not null,
    version       integer       not null check (version > 0),
    source        varchar(10)   not null check (source in ('ADMIN', 'FILE')),
    texts         jsonb,
    -- the placeholders the file declared when it was saved, sorted, comma-separated: an override
    -- is used only while the file declares the same ones
    placeholders  text          not null,
    created_by    varchar(100)  not null,
    created_at    timestamptz   not null,
    primary key (template_key, version),
    check ((source = 'ADMIN') = (texts is not null))
);

-- Grows with every version, in the version's transaction: each node's copy of the overrides
-- reloads when it moves, and saves, which update this row first, happen one after another.
create table notification_template_state (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);

insert into notification_template_state (id, revision) values (1, 0);
