-- The types those columns use, and what they are built on: a domain's base type, an array's element type,
-- transitively. Enum labels in sort order; domain CHECKs as pg_get_constraintdef prints them.
WITH RECURSIVE used(oid) AS (
    SELECT DISTINCT a.atttypid
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'
    UNION
    SELECT next.oid
    FROM used u
    JOIN pg_type t ON t.oid = u.oid
    CROSS JOIN LATERAL (VALUES (t.typbasetype), (CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE 0 END)) next(oid)
    WHERE next.oid <> 0
)
SELECT t.oid::int8, n.nspname, t.typname, t.typtype::text, t.typbasetype::int8, t.typtypmod,
       CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE 0 END::int8,
       t.typnotnull, format_type(t.oid, NULL),
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END,
       CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
                                            WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) END
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid IN (SELECT oid FROM used)
