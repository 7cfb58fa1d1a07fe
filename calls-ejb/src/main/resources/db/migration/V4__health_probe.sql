-- One row the health check rewrites (at most every few seconds) to prove the database takes writes: a read
-- alone passes on a database that is read-only or whose disk is full.
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY,
    checked_at BIGINT  NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
