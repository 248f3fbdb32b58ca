CREATE EXTENSION pg_trgm VERSION '1.5';
CREATE TABLE t (id serial PRIMARY KEY, a int, c int);
CREATE INDEX t_expr_idx ON t ((a + 1));
CREATE TYPE pair AS (l int, r int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql AS 'SELECT $1.l';
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE TYPE float_range AS RANGE (subtype = float8);
