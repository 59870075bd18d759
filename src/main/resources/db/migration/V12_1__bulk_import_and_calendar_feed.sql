-- A CSV import: uploaded and checked first (previewed), imported only when someone asks for it.
-- Its id is the idempotency key of the import: starting it twice claims it once (state moves from
-- 'previewed' to 'importing' in one conditional update), and each row records the post it became
-- in the same transaction as the post, so a resumed import never creates a row's post twice.
create table bulk_import (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    created_by    uuid not null references app_user (id),
    file_name     varchar(255),
    state         varchar(16) not null,
    rows_total    integer not null,
    rows_valid    integer not null,
    valid_only    boolean not null,
    rows_imported integer not null,
    rows_failed   integer not null,
    failure       varchar(4000),
    heartbeat_at  timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index bulk_import_workspace on bulk_import (workspace_id, id);

-- One data row of the file (row 1 is the header, so the first data row is row 2, as in a spreadsheet),
-- its values by column as JSON, the problems found (JSON list, empty when valid) and the post it became.
create table bulk_import_row (
    import_id    uuid not null references bulk_import (id),
    row_number   integer not null,
    workspace_id uuid not null references workspace (id),
    fields       varchar(200000) not null,
    problems     varchar(20000) not null,
    post_id      uuid references post (id),
    primary key (import_id, row_number)
);

-- The private iCalendar feed of a workspace: only the SHA-256 of its token is kept.
create table calendar_feed (
    workspace_id uuid primary key references workspace (id),
    token_hash   varchar(64) not null,
    created_by   uuid not null references app_user (id),
    created_at   timestamp with time zone not null,
    constraint calendar_feed_token_unique unique (token_hash)
);
