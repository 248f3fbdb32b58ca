ALTER TABLE users ADD CONSTRAINT users_quantity_must_never_be_negative_or_the_warehouse_will_complain CHECK (qty >= 0) NOT VALID;
