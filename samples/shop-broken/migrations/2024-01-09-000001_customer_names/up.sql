ALTER TABLE customers ADD COLUMN full_name text;
