-- Rate limits shared by every node (platform.RateLimiter): one row per key and window, counted by an
-- atomic upsert. A row is kept two windows (a sliding limit reads the previous window) and then swept.
create table platform_rate_limit (
    key          text         not null,
    window_start timestamptz  not null,
    count        int          not null,
    expires_at   timestamptz  not null,
    primary key (key, window_start)
);

create index platform_rate_limit_expires on platform_rate_limit (expires_at);
