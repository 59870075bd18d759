-- The countries whose notable dates a workspace's calendar shows. No row: never chosen, so they are
-- guessed from the workspace's time zone; an empty list: chosen to show none.
create table calendar_settings (
    workspace_id uuid primary key references workspace (id),
    countries    varchar(64) not null,
    updated_at   timestamp with time zone not null
);

-- The calendar reads one workspace's targets due within a few weeks.
create index post_target_workspace_due on post_target (workspace_id, due_at);
