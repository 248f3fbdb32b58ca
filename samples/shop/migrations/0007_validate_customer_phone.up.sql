ALTER TABLE customers VALIDATE CONSTRAINT customers_phone_format;
