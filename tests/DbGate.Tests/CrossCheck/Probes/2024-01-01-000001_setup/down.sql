DROP TYPE float_range;
DROP FUNCTION on_ddl();
DROP FUNCTION pair_to_int(pair);
DROP TYPE pair;
DROP TABLE t;
DROP EXTENSION pg_trgm;
