ALTER TABLE users DROP CONSTRAINT users_email_not_null;
