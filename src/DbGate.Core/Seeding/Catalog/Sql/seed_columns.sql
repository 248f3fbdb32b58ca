-- Every column of every ordinary and partitioned table, with its type's oid and modifier (the snapshot has the
-- type only as printed text), and facts about the table that decide how it can be loaded.
SELECT n.nspname, c.relname, a.attname, a.atttypid::int8, a.atttypmod, format_type(a.atttypid, a.atttypmod),
       a.attcollation <> 0,
       pg_has_role(c.relowner, 'USAGE'),
       c.relrowsecurity AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE'))
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY n.nspname, c.relname, a.attnum
