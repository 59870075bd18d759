-- The composer's (or an API client's Idempotency-Key) one-time key for a post: a form sent twice (a double click, a
-- retry after a lost answer) finds the post already made instead of making a second one.
alter table post add column submission_key varchar(100);
create unique index post_submission_key on post (workspace_id, submission_key);
