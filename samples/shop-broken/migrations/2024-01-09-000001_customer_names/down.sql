ALTER TABLE customers DROP COLUMN full_name;
