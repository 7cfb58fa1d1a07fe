-- Structured posts: a post's type names how clients draw it ('' is plain text, 'custom_calls' a call's card,
-- as the reference product names it) and props holds its data as a JSON object. Old posts are plain text.
ALTER TABLE posts ADD COLUMN post_type VARCHAR(32) DEFAULT '' NOT NULL;
ALTER TABLE posts ADD COLUMN props VARCHAR(100000) DEFAULT '{}' NOT NULL;
