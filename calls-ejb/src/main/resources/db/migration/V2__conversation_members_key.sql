-- Direct and group messages are found by their members, in a column no request writes, never by their
-- name: a user could name a private channel like a group message and be handed it in the group's place.
-- The key is "<id>__<id>" for a direct message (its name until now) and "gm__<sha1 of the sorted ids>"
-- for a group message ("gm__" before its name until now); new group messages take the key as their name,
-- which user channel names cannot be ("__" is refused in them).
ALTER TABLE channels ADD COLUMN members_key VARCHAR(64);
UPDATE channels SET members_key = name WHERE channel_type = 'D';
UPDATE channels SET members_key = 'gm__' || name WHERE channel_type = 'G';
ALTER TABLE channels ADD CONSTRAINT uq_channels_members_key UNIQUE (members_key);
