-- Every tracked object of the user's schemas, in statement.sql's shape: what existed before the first migration
-- ran, from which the catalog mirror then follows each statement's changes.
WITH
scope_ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname !~ '^pg_(toast_)?temp_'
),
relations AS MATERIALIZED (SELECT oid FROM pg_class WHERE relnamespace IN (SELECT oid FROM scope_ns)),
tables AS MATERIALIZED (SELECT oid FROM pg_class WHERE relnamespace IN (SELECT oid FROM scope_ns) AND relkind IN ('r', 'p', 'f', 'm')),
objects AS (
    SELECT 'class' AS cat, x.oid::int8 AS oid, 0 AS sub, x.relkind::text AS k,
           (SELECT nspname FROM pg_namespace WHERE oid = x.relnamespace) AS s, x.relname AS n,
           x.relfilenode::int8 AS fn, (SELECT relfilenode::int8 FROM pg_class WHERE oid = x.reltoastrelid) AS tfn,
           x.relpersistence::text AS per, x.relam::int8 AS am, x.reltablespace::int8 AS ts,
           (SELECT indrelid::int8 FROM pg_index WHERE indexrelid = x.oid) AS rel,
           (SELECT indisvalid FROM pg_index WHERE indexrelid = x.oid) AS valid, x.relispartition AS part,
           CASE WHEN x.relkind IN ('i', 'I') THEN pg_get_indexdef(x.oid) WHEN x.relispartition THEN pg_get_partition_constraintdef(x.oid) END AS ty, NULL::bool AS nn, NULL::bool AS def, NULL::bool AS miss, NULL::text AS gen,
           NULL::bool AS drop, NULL::int8 AS ref,
           (SELECT indisunique OR indisexclusion FROM pg_index WHERE indexrelid = x.oid) AS uq, x.cmin::text::int8 AS cid,
           concat_ws(',', array_to_string(x.reloptions, ','), CASE WHEN x.relrowsecurity THEN 'row_security' END, CASE WHEN x.relforcerowsecurity THEN 'force_row_security' END, 'replica_identity=' || x.relreplident::text) AS opt
    FROM pg_class x
    WHERE x.relnamespace IN (SELECT oid FROM scope_ns) AND x.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')
    UNION ALL
    SELECT 'attribute', x.attrelid::int8, x.attnum, NULL, NULL, x.attname, NULL, NULL, NULL, NULL, NULL, x.attrelid::int8,
           NULL, NULL, format_type(x.atttypid, x.atttypmod), x.attnotnull, x.atthasdef, x.atthasmissing,
           nullif(x.attgenerated::text || x.attidentity::text, ''), x.attisdropped, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_attribute x
    WHERE x.attrelid IN (SELECT oid FROM tables) AND x.attnum > 0
    UNION ALL
    SELECT 'constraint', x.oid::int8, 0, x.contype::text, NULL, x.conname, NULL, NULL, NULL, NULL, NULL,
           nullif(x.conrelid, 0)::int8, x.convalidated, NULL, pg_get_constraintdef(x.oid), NULL, NULL, NULL, NULL, NULL,
           coalesce(nullif(x.confrelid, 0), nullif(x.contypid, 0))::int8, NULL, x.cmin::text::int8, NULL
    FROM pg_constraint x
    WHERE (x.conrelid IN (SELECT oid FROM relations) OR x.contypid IN (SELECT oid FROM pg_type WHERE typnamespace IN (SELECT oid FROM scope_ns)))
    UNION ALL
    SELECT 'trigger', x.oid::int8, 0, NULL, NULL, x.tgname, NULL, NULL, NULL, NULL, NULL, x.tgrelid::int8,
           x.tgenabled <> 'D', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_trigger x
    WHERE x.tgrelid IN (SELECT oid FROM relations)
    UNION ALL
    SELECT 'policy', x.oid::int8, 0, NULL, NULL, x.polname, NULL, NULL, NULL, NULL, NULL, x.polrelid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_policy x
    WHERE x.polrelid IN (SELECT oid FROM relations)
    UNION ALL
    SELECT 'routine', x.oid::int8, 0, x.prokind::text, (SELECT nspname FROM pg_namespace WHERE oid = x.pronamespace),
           x.proname || '(' || oidvectortypes(x.proargtypes) || ')', NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_proc x
    WHERE x.pronamespace IN (SELECT oid FROM scope_ns)
    UNION ALL
    SELECT 'type', x.oid::int8, 0, x.typtype::text, (SELECT nspname FROM pg_namespace WHERE oid = x.typnamespace),
           x.typname, NULL, NULL, NULL, NULL, NULL, nullif(x.typrelid, 0)::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_type x
    WHERE x.typnamespace IN (SELECT oid FROM scope_ns) AND x.typtype IN ('e', 'd', 'c')
      AND (x.typrelid = 0 OR EXISTS (SELECT FROM pg_class r WHERE r.oid = x.typrelid AND r.relkind = 'c'))
    UNION ALL
    SELECT 'enum', x.oid::int8, 0, NULL, NULL, x.enumlabel, NULL, NULL, NULL, NULL, NULL, x.enumtypid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_enum x
    WHERE x.enumtypid IN (SELECT oid FROM pg_type WHERE typnamespace IN (SELECT oid FROM scope_ns))
    UNION ALL
    SELECT 'schema', x.oid::int8, 0, NULL, NULL, x.nspname, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_namespace x
    WHERE x.oid IN (SELECT oid FROM scope_ns)
    UNION ALL
    SELECT 'extension', x.oid::int8, 0, NULL, NULL, x.extname, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_extension x
    WHERE true
    -- ACLs granted already (statement.sql compares each new one with these) and default privileges.
    UNION ALL
    SELECT 'acl', x.oid::int8, 0, x.relkind::text, (SELECT nspname FROM pg_namespace WHERE oid = x.relnamespace), x.relname,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.relacl::text
    FROM pg_class x
    WHERE x.relnamespace IN (SELECT oid FROM scope_ns) AND x.relacl IS NOT NULL AND x.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
    UNION ALL
    SELECT 'acl', x.attrelid::int8, x.attnum, NULL, NULL, x.attname,
           NULL, NULL, NULL, NULL, NULL, x.attrelid::int8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.attacl::text
    FROM pg_attribute x
    WHERE x.attrelid IN (SELECT oid FROM tables) AND x.attnum > 0 AND x.attacl IS NOT NULL
    UNION ALL
    SELECT 'default_acl', x.oid::int8, 0, x.defaclobjtype::text, (SELECT nspname FROM pg_namespace WHERE oid = x.defaclnamespace),
           pg_get_userbyid(x.defaclrole), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.defaclacl::text
    FROM pg_default_acl x
)
SELECT 'o'::"char" AS dbgate_observed, o.* FROM objects o
