-- Shared by every object kind. Runs with search_path = pg_catalog, pg_temp so that every name that
-- pg_get_*def, format_type and regclass print is qualified the same way whatever the caller's path is.
-- $1 = include privileges (boolean), $2 = names of migration-history tables (text[]), $3 = names of
-- migration-history schemas (text[]), left out with everything in them.
WITH
extension_member AS MATERIALIZED (
    SELECT d.classid, d.objid
    FROM pg_depend d
    WHERE d.deptype = 'e'
),
user_schema AS MATERIALIZED (
    SELECT n.oid, n.nspname, n.nspowner, n.nspacl
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND n.nspname <> ALL ($3::text[])
      -- DbGate's own privileged functions (postgres.extensions), never part of the schema under test.
      AND n.nspname <> 'dbgate_privileged'
      AND (n.oid) NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_namespace'::regclass)
),
history_table AS MATERIALIZED (
    SELECT c.oid
    FROM pg_class c
    JOIN user_schema n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND c.relname = ANY ($2::text[])
),
excluded_relation AS MATERIALIZED (
    SELECT oid FROM history_table
    UNION
    SELECT objid FROM extension_member WHERE classid = 'pg_class'::regclass
),
-- Indexes and owned sequences of an excluded table belong to it, so they are excluded with it.
user_relation AS MATERIALIZED (
    SELECT c.oid, n.nspname, c.relname, c.relkind
    FROM pg_class c
    JOIN user_schema n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'c', 'i', 'I')
      AND c.oid NOT IN (SELECT oid FROM excluded_relation)
      AND NOT EXISTS (
          SELECT FROM pg_depend d
          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            AND d.refobjid IN (SELECT oid FROM excluded_relation))
),
relation_column AS MATERIALIZED (
    SELECT a.attrelid, json_agg(json_build_object(
            'name', a.attname,
            'type', format_type(a.atttypid, a.atttypmod),
            'not_null', a.attnotnull,
            'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
            'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
            'identity', CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
            'collation', CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END,
            'storage', CASE WHEN a.attstorage <> t.typstorage THEN
                CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END,
            'compression', CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END,
            'comment', (SELECT d.description FROM pg_description d
                        WHERE d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum),
            'acl', CASE WHEN $1 THEN (SELECT coalesce(json_agg(x::text ORDER BY x::text), '[]') FROM unnest(a.attacl) x) END
        ) ORDER BY a.attnum) AS columns
    FROM user_relation r
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
    WHERE r.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')
    GROUP BY a.attrelid
)
