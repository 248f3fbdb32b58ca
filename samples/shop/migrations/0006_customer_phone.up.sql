ALTER TABLE customers ADD COLUMN phone text;
ALTER TABLE customers ADD CONSTRAINT customers_phone_format CHECK (phone ~ '^\+?[0-9 ]{6,20}$') NOT VALID;
