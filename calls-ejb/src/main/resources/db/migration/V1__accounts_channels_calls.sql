-- Users, sign-in tokens, channels, members, posts and call records.
-- Written in the SQL that both H2 2.x (embedded default) and PostgreSQL (production) accept.
-- Times are epoch milliseconds; 0 means "not yet" for delete_at, revoked_at, end_at and leave_at.

CREATE TABLE users (
    id            VARCHAR(26)  NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    roles         VARCHAR(20)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    create_at     BIGINT       NOT NULL,
    delete_at     BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE TABLE auth_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(26) NOT NULL REFERENCES users (id),
    create_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    revoked_at BIGINT      DEFAULT 0 NOT NULL
);
CREATE INDEX ix_auth_tokens_user ON auth_tokens (user_id);

CREATE TABLE channels (
    id            VARCHAR(26) NOT NULL PRIMARY KEY,
    channel_type  CHAR(1)     NOT NULL,
    name          VARCHAR(64) NOT NULL,
    display_name  VARCHAR(64) NOT NULL,
    creator_id    VARCHAR(26),
    create_at     BIGINT      NOT NULL,
    delete_at     BIGINT      DEFAULT 0 NOT NULL,
    calls_enabled BOOLEAN,
    CONSTRAINT uq_channels_name UNIQUE (name),
    CONSTRAINT ck_channels_type CHECK (channel_type IN ('O', 'P', 'D', 'G'))
);

CREATE TABLE channel_members (
    channel_id    VARCHAR(26) NOT NULL REFERENCES channels (id),
    user_id       VARCHAR(26) NOT NULL REFERENCES users (id),
    channel_admin BOOLEAN     NOT NULL,
    create_at     BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX ix_channel_members_user ON channel_members (user_id);

CREATE TABLE posts (
    id         VARCHAR(26)   NOT NULL PRIMARY KEY,
    channel_id VARCHAR(26)   NOT NULL REFERENCES channels (id),
    root_id    VARCHAR(26)   REFERENCES posts (id),
    user_id    VARCHAR(26)   NOT NULL REFERENCES users (id),
    message    VARCHAR(4000) NOT NULL,
    create_at  BIGINT        NOT NULL
);
CREATE INDEX ix_posts_root ON posts (root_id);

CREATE TABLE calls (
    id               VARCHAR(26) NOT NULL PRIMARY KEY,
    channel_id       VARCHAR(26) NOT NULL REFERENCES channels (id),
    owner_id         VARCHAR(26) NOT NULL REFERENCES users (id),
    host_id          VARCHAR(26) NOT NULL REFERENCES users (id),
    thread_id        VARCHAR(26) NOT NULL REFERENCES posts (id),
    start_at         BIGINT      NOT NULL,
    end_at           BIGINT      DEFAULT 0 NOT NULL,
    last_activity_at BIGINT      NOT NULL
);
CREATE INDEX ix_calls_channel ON calls (channel_id, end_at);

CREATE TABLE call_sessions (
    id       VARCHAR(26) NOT NULL PRIMARY KEY,
    call_id  VARCHAR(26) NOT NULL REFERENCES calls (id),
    user_id  VARCHAR(26) NOT NULL REFERENCES users (id),
    join_at  BIGINT      NOT NULL,
    leave_at BIGINT      DEFAULT 0 NOT NULL
);
CREATE INDEX ix_call_sessions_call ON call_sessions (call_id);

CREATE TABLE call_host_changes (
    id         VARCHAR(26) NOT NULL PRIMARY KEY,
    call_id    VARCHAR(26) NOT NULL REFERENCES calls (id),
    host_id    VARCHAR(26) NOT NULL REFERENCES users (id),
    changed_by VARCHAR(26) REFERENCES users (id),
    changed_at BIGINT      NOT NULL
);
CREATE INDEX ix_call_host_changes_call ON call_host_changes (call_id);
