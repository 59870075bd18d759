-- Media library (issue 5 point 4): files leave the database for a MediaStore (local disk by default).
-- content stays, nullable, for rows not yet moved: MoveMediaOutOfDatabase moves them at start and
-- reads fall back to it meanwhile, so no byte is lost by an upgrade interrupted half-way.
alter table media alter column content drop not null;
alter table media add column storage_key varchar(200);
alter table media add column thumbnail_key varchar(200);
alter table media add column duration_ms bigint;
alter table media add column codec varchar(40);
alter table media add column alt_text varchar(1500);
alter table media add column derived_from uuid references media (id);
alter table media add column deleted_at timestamp with time zone;

create table media_tag (
    media_id uuid not null references media (id),
    tag      varchar(50) not null,
    primary key (media_id, tag)
);
create index media_tag_tag on media_tag (tag);
