ALTER TABLE users ALTER COLUMN created TYPE timestamptz;
