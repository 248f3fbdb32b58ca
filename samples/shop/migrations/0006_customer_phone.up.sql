-- One statement takes ACCESS EXCLUSIVE once, and briefly: NOT VALID skips checking the existing rows, which
-- 0007 validates without blocking writes.
SET lock_timeout = '5s';
ALTER TABLE customers
    ADD COLUMN phone text,
    ADD CONSTRAINT customers_phone_format CHECK (phone ~ '^\+?[0-9 ]{6,20}$') NOT VALID;
