SET LOCAL TimeZone = 'UTC';
ALTER TABLE users ALTER COLUMN created TYPE timestamptz;
