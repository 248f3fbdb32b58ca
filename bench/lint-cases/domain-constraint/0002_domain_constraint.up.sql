ALTER DOMAIN quantity ADD CONSTRAINT quantity_positive CHECK (VALUE > 0);
