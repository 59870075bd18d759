-- An OAuth authorization in progress: written when a person is sent to the network, consumed by the
-- callback. Found by the hash of its random state (the state itself is never stored); secrets such
-- as the PKCE code verifier are encrypted with the state hash as associated data. Rows live minutes,
-- so they hold no foreign keys; stale ones are deleted when new ones are written.
create table oauth_pending (
    state_hash   varchar(64)   primary key,
    user_id      uuid          not null,
    workspace_id uuid          not null,
    network      varchar(32)   not null,
    server_url   varchar(2048) not null,
    redirect_uri varchar(2048) not null,
    secrets      bytea         not null,
    created_at   timestamp with time zone not null
);
create index oauth_pending_created on oauth_pending (created_at);
