-- Content categories (a workspace's content pillars: "Behind the scenes", "Products", "Tips"...), each with a colour
-- shown on the calendar. name_key is the name folded to lower case: two categories may not differ by case alone.
create table content_category (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    name         varchar(60) not null,
    name_key     varchar(60) not null,
    color        varchar(7) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create unique index content_category_name on content_category (workspace_id, name_key);

-- A post's category (one per post: a pillar describes the content, the same on every network) and its campaign
-- tag, free text shared by the posts of one campaign ("Christmas 2026"). Deleting a category leaves its posts
-- without one.
alter table post add column category_id uuid references content_category (id) on delete set null;
alter table post add column campaign varchar(100);
create index post_campaign on post (workspace_id, campaign);
