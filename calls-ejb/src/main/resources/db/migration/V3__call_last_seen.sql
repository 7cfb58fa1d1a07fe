-- The last moment a running call was seen alive, written by the heartbeat (every 30 s per running call)
-- and nothing else, so that a call a crash cut off ends at the next start at that moment rather than at
-- its last join. 0 until the first beat.
ALTER TABLE calls ADD COLUMN last_seen_at BIGINT DEFAULT 0 NOT NULL;
