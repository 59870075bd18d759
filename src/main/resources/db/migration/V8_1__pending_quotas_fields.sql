-- Issue 4, engine side.
-- What an asynchronous network gave to follow a post it accepted but is still processing (an Instagram
-- container id, a TikTok publish id); set while the target is pending.
alter table post_target add column pending_ref varchar(1024);
-- The values of the network's own fields (a YouTube title, a TikTok privacy level), as a JSON object of strings.
alter table post_target add column fields varchar(100000);
-- Quotas count one account's posts sent within a window. State is already in the claim index (so a state change
-- rewrites index entries anyway); sent_at is left out so that the "about to send" mark stays a cheap update.
create index post_target_connection_state on post_target (connection_id, state);
