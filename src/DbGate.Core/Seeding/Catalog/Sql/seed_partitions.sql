-- The bounds of every leaf partition of each top-level partitioned table, as CHECK-like expressions, and whether a
-- DEFAULT partition takes whatever the others do not.
SELECT n.nspname, c.relname, pg_get_partition_constraintdef(t.relid),
       coalesce(pg_get_expr(p.relpartbound, p.oid) = 'DEFAULT', false)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_partition_tree(c.oid) t
JOIN pg_class p ON p.oid = t.relid
WHERE c.relkind = 'p' AND NOT c.relispartition AND t.isleaf
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY n.nspname, c.relname, t.relid::regclass::text
