-- Column names are looked up one attnum at a time: a join would scan every column of the table per constraint.
-- Constraints cloned onto partitions (conparentid <> 0) follow from their parent and may repeat its
-- name on one table, so only the parent is recorded. NOT NULL lives on the column; constraint
-- triggers are recorded as triggers.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'table', r.relname,
        'name', con.conname,
        'type', CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY'
                                  WHEN 'c' THEN 'CHECK' ELSE 'EXCLUDE' END,
        'clause', pg_get_constraintdef(con.oid),
        'columns', (
            SELECT coalesce(json_agg(
                (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum) ORDER BY k.ord), '[]')
            FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)),
        'references', CASE WHEN con.contype = 'f' THEN fn.nspname || '.' || fc.relname END,
        'referenced_columns', (
            SELECT coalesce(json_agg(
                (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum) ORDER BY k.ord), '[]')
            FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)),
        'on_update', CASE WHEN con.contype = 'f' THEN CASE con.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
            WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END END,
        'on_delete', CASE WHEN con.contype = 'f' THEN CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
            WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END END,
        'match', CASE WHEN con.contype = 'f' THEN CASE con.confmatchtype WHEN 'f' THEN 'MATCH FULL' WHEN 'p' THEN 'MATCH PARTIAL'
            ELSE 'MATCH SIMPLE' END END,
        'deferrable', con.condeferrable,
        'deferred', con.condeferred,
        'validated', con.convalidated,
        'no_inherit', con.connoinherit,
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0)
    ) ORDER BY r.nspname, r.relname, con.conname), '[]')
FROM pg_constraint con
JOIN user_relation r ON r.oid = con.conrelid
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0
