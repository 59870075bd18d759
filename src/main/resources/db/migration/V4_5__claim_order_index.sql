-- The claim reads due targets in (due_at, id) order: with the id in the index the database walks it
-- in that order and stops after the batch, instead of sorting every due target for each claim.
drop index post_target_due;
create index post_target_claim on post_target (state, due_at, id);
-- Expired leases and heartbeats only ever look at the few rows being published (state prefix of the
-- index above); keeping lease_until out of every index lets its frequent updates skip index writes.
drop index post_target_lease;
