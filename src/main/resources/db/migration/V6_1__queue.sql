-- The queue (io.vitrine.scheduling): posting slots per account, a daily cap, which targets the
-- queue placed (only those are shuffled or reordered), recurring series and evergreen posts.

-- One row per account that has a queue; also the row "add to queue" locks, so that two people
-- queuing on one account at once never get the same slot.
create table queue_account (
    connection_id uuid primary key references connection (id),
    workspace_id  uuid not null references workspace (id),
    daily_cap     integer,
    updated_at    timestamp with time zone not null
);

-- A slot is a weekday and a wall-clock time in the account's zone (never an instant: 09:00 stays
-- 09:00 local across daylight-saving changes).
create table queue_slot (
    connection_id uuid not null references queue_account (connection_id),
    day_of_week   smallint not null,
    local_time    varchar(5) not null,
    primary key (connection_id, day_of_week, local_time)
);

create table queue_entry (
    target_id     uuid primary key references post_target (id),
    post_id       uuid not null references post (id),
    workspace_id  uuid not null references workspace (id),
    connection_id uuid not null references connection (id),
    created_at    timestamp with time zone not null
);
create index queue_entry_account on queue_entry (connection_id);

create table recurring_series (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    created_by   uuid not null references app_user (id),
    rule         varchar(400) not null,
    created_at   timestamp with time zone not null,
    cancelled_at timestamp with time zone
);
create index recurring_series_workspace on recurring_series (workspace_id);

create table recurring_post (
    series_id  uuid not null references recurring_series (id),
    post_id    uuid not null references post (id),
    occurrence integer not null,
    primary key (series_id, occurrence)
);

-- One row per (evergreen post, account): the target that is its latest copy. Re-queuing replaces
-- current_target_id under a row lock, so two nodes never re-queue the same publication twice.
create table evergreen_post (
    id                uuid primary key,
    workspace_id      uuid not null references workspace (id),
    created_by        uuid not null references app_user (id),
    connection_id     uuid not null references connection (id),
    current_target_id uuid not null references post_target (id),
    min_gap_seconds   bigint not null,
    times_requeued    integer not null,
    last_published_at timestamp with time zone,
    created_at        timestamp with time zone not null,
    stopped_at        timestamp with time zone,
    stop_reason       varchar(500)
);
create index evergreen_post_active on evergreen_post (stopped_at);

-- Finding an account's next free slot reads that account's targets over the coming weeks.
create index post_target_connection_due on post_target (connection_id, due_at);
