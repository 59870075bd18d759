-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. Every timestamp is an instant
-- (timestamp with time zone); every id is a UUIDv7 made by the application, so rows sort by time.

create table app_user (
    id            uuid primary key,
    email         varchar(320) not null,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    locale        varchar(10)  not null,
    created_at    timestamp with time zone not null,
    constraint app_user_email_unique unique (email)
);

-- One-time links that let the first person in create the owner account; only hashes are stored.
create table setup_token (
    token_hash varchar(64) primary key,
    created_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create table workspace (
    id         uuid primary key,
    name       varchar(200) not null,
    time_zone  varchar(64)  not null,
    created_at timestamp with time zone not null
);

create table membership (
    workspace_id uuid not null references workspace (id),
    user_id      uuid not null references app_user (id),
    role         varchar(32) not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, user_id)
);
create index membership_user on membership (user_id);

create table api_token (
    id           uuid primary key,
    user_id      uuid not null references app_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);

-- A connected social account ("channel"). Credentials are a Tink AEAD ciphertext whose
-- associated data is the connection id, so a ciphertext copied onto another row does not decrypt.
create table connection (
    id                 uuid primary key,
    workspace_id       uuid not null references workspace (id),
    network            varchar(32)   not null,
    server_url         varchar(2048) not null,
    remote_account_id  varchar(512)  not null,
    handle             varchar(512)  not null,
    display_name       varchar(512),
    time_zone          varchar(64),
    status             varchar(32)   not null,
    status_reason      varchar(2000),
    paused_until       timestamp with time zone,
    limits_json        varchar(8000),
    credentials        bytea not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint connection_account_unique unique (workspace_id, network, server_url, remote_account_id)
);
create index connection_workspace on connection (workspace_id);

-- A Mastodon app registered on an instance (client id/secret), reused by every OAuth connect there.
create table oauth_client (
    network       varchar(32)   not null,
    server_url    varchar(2048) not null,
    redirect_uri  varchar(2048) not null,
    credentials   bytea not null,
    created_at    timestamp with time zone not null,
    primary key (network, server_url, redirect_uri)
);

create table media (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    width        integer,
    height       integer,
    sha256       varchar(64) not null,
    content      bytea not null,
    created_at   timestamp with time zone not null
);
create index media_workspace on media (workspace_id);

create table post (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    created_by     uuid not null references app_user (id),
    scheduled_at   timestamp with time zone,
    scheduled_zone varchar(64),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index post_workspace on post (workspace_id, id);

-- One (post, account) pair: the unit the engine publishes, with its own state machine.
-- Its id is also the idempotency key sent to the network, stored before any side effect.
create table post_target (
    id             uuid primary key,
    post_id        uuid not null references post (id),
    workspace_id   uuid not null references workspace (id),
    connection_id  uuid not null references connection (id),
    body           varchar(100000) not null,
    link           varchar(2048),
    state          varchar(16) not null,
    due_at         timestamp with time zone,
    not_before     timestamp with time zone,
    attempts       integer not null,
    lease_owner    varchar(100),
    lease_until    timestamp with time zone,
    sent_at        timestamp with time zone,
    remote_id      varchar(1024),
    remote_url     varchar(2048),
    failure_reason varchar(4000),
    published_at   timestamp with time zone,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index post_target_post on post_target (post_id);
create index post_target_due on post_target (state, due_at);
create index post_target_lease on post_target (state, lease_until);

create table post_target_media (
    target_id uuid not null references post_target (id),
    position  integer not null,
    media_id  uuid not null references media (id),
    alt_text  varchar(2000),
    primary key (target_id, position)
);

-- Media already uploaded to a network, so a retry reuses it instead of uploading again.
create table media_upload (
    media_id   uuid not null references media (id),
    scope      varchar(600) not null,
    remote_ref varchar(4000) not null,
    created_at timestamp with time zone not null,
    primary key (media_id, scope)
);

create table target_transition (
    id         uuid primary key,
    target_id  uuid not null references post_target (id),
    from_state varchar(16),
    to_state   varchar(16) not null,
    at         timestamp with time zone not null,
    reason     varchar(4000)
);
create index target_transition_target on target_transition (target_id, at);
