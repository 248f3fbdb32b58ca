ALTER TABLE t ALTER COLUMN c SET (n_distinct = 10);
