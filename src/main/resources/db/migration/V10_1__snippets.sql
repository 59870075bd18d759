-- What the composer reuses: hashtag groups ("#bread #sourdough") and caption templates with {{variables}}, per
-- workspace. name_key is the name folded to lower case: two snippets of one kind may not differ by case alone.
create table snippet (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    kind         varchar(16) not null,
    name         varchar(60) not null,
    name_key     varchar(60) not null,
    body         varchar(5000) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create unique index snippet_name on snippet (workspace_id, kind, name_key);
