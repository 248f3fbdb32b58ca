ALTER TABLE users ADD CONSTRAINT users_qty_positive CHECK (qty > 0) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_qty_positive;
