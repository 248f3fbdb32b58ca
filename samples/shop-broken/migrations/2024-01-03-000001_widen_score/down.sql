-- Broken on purpose: the column was integer, not bigint.
ALTER TABLE customers ALTER COLUMN score TYPE bigint;
