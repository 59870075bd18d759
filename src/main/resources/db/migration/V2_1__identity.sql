-- Sign-in support. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- One-time "set your password" links for people an admin added; only hashes are stored.
create table password_link (
    token_hash varchar(64) primary key,
    user_id    uuid not null references app_user (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index password_link_user on password_link (user_id);

-- Failed sign-ins, kept in the database (not in memory) so that throttling holds across restarts
-- and across several Vitrine processes sharing one database.
create table login_failure (
    id      uuid primary key,
    email   varchar(320) not null,
    address varchar(64)  not null,
    at      timestamp with time zone not null
);
create index login_failure_email on login_failure (email, at);
create index login_failure_address on login_failure (address, at);
