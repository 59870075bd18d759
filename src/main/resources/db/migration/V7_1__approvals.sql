-- Approvals (issue 5, point 3). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The engine's guard: a target of a post that still needs approval is never claimed, whatever its
-- state says. Set and cleared by the approval workflow through publishing's ApprovalHolds; the claim
-- query filters on it in the rows it already reads (no extra query, no extra index).
alter table post_target add column awaiting_approval boolean default false not null;

-- A workspace's workflow. No row, or no step: posts need no approval.
-- applies_to: 'contributors' (only contributors' posts need approval) or 'everyone'.
create table approval_workflow (
    workspace_id uuid primary key references workspace (id),
    applies_to   varchar(16) not null,
    updated_at   timestamp with time zone not null
);

-- The ordered steps. rule: 'any' (any one of its people) or 'all' (every one of them).
-- external_reviewer: a client's decision through a review link counts as one of the step's people.
create table approval_step (
    id                uuid primary key,
    workspace_id      uuid not null references workspace (id),
    position          integer not null,
    name              varchar(100) not null,
    rule              varchar(8) not null,
    external_reviewer boolean not null,
    constraint approval_step_position_unique unique (workspace_id, position)
);

create table approval_step_person (
    step_id uuid not null references approval_step (id),
    user_id uuid not null references app_user (id),
    primary key (step_id, user_id)
);

-- One post under approval. status: pending | approved | changes_requested | rejected.
-- round: bumped when the content changes (or the workflow does), so older decisions stop counting.
create table post_approval (
    post_id      uuid primary key references post (id),
    workspace_id uuid not null references workspace (id),
    author_id    uuid not null references app_user (id),
    status       varchar(24) not null,
    round        integer not null,
    step         integer,
    updated_at   timestamp with time zone not null
);
create index post_approval_workspace on post_approval (workspace_id, status);

-- Every decision, kept for the history. user_id is null for a client through a review link
-- (reviewer_name is then what they typed).
create table approval_decision (
    id            uuid primary key,
    post_id       uuid not null references post (id),
    workspace_id  uuid not null references workspace (id),
    round         integer not null,
    step          integer not null,
    step_name     varchar(100) not null,
    decision      varchar(24) not null,
    user_id       uuid references app_user (id),
    reviewer_name varchar(200),
    counted       boolean not null,
    comment       varchar(4000),
    at            timestamp with time zone not null
);
create index approval_decision_post on approval_decision (post_id, at);

create table approval_comment (
    id           uuid primary key,
    post_id      uuid not null references post (id),
    workspace_id uuid not null references workspace (id),
    user_id      uuid references app_user (id),
    author_name  varchar(200) not null,
    body         varchar(4000) not null,
    at           timestamp with time zone not null
);
create index approval_comment_post on approval_comment (post_id, at);

-- Read-only review links for a client without an account: only the SHA-256 of the token is stored.
create table review_link (
    id           uuid primary key,
    post_id      uuid not null references post (id),
    workspace_id uuid not null references workspace (id),
    token_hash   varchar(64) not null,
    created_by   uuid not null references app_user (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    constraint review_link_token_unique unique (token_hash)
);
create index review_link_post on review_link (post_id);
