BEGIN;
ALTER TABLE users ADD COLUMN note text;
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
