-- When a connection's access ends unless its owner reconnects (an expiring token that no refresh token renews,
-- such as LinkedIn's 60-day member tokens). Kept beside the sealed credentials so lists can warn without decrypting.
alter table connection add column access_ends_at timestamp with time zone;
