-- Unique indexes, whether or not a constraint owns them, partial ones with their predicate. An expression's
-- entry is NULL in key_columns; the columns it reads come from pg_depend (which also lists the predicate's, so
-- only for indexes that have expressions).
SELECT n.nspname, c.relname, i.relname, x.indisprimary,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = k.attnum)
             FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             WHERE k.ord <= x.indnkeyatts ORDER BY k.ord),
       ARRAY(SELECT DISTINCT a.attname::text
             FROM pg_depend d
             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass AND d.objid = x.indexrelid
               AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
               AND 0 = ANY (x.indkey::int2[])),
       pg_get_expr(x.indpred, x.indrelid),
       @nulls_not_distinct
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE x.indisunique AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY n.nspname, c.relname, i.relname
