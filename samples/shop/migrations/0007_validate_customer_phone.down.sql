SET lock_timeout = '5s';
ALTER TABLE customers
    DROP CONSTRAINT customers_phone_format,
    ADD CONSTRAINT customers_phone_format CHECK (phone ~ '^\+?[0-9 ]{6,20}$') NOT VALID;
