-- What one statement did, read right after it on its own connection (in the same round trip when a transaction
-- is open). Prepared once per connection without parameters, so PostgreSQL plans it once; the batch passes
-- its two inputs as transaction-local settings:
--   dbgate.after_cid  rows whose cmin is above this were written by this statement (-1: any command id);
--   dbgate.first_xid  for a statement run outside a transaction block: the first transaction id it could have
--                     used (empty inside one, where the rows are this transaction's or its subtransactions').
-- Prepared twice: as it is, and for a statement run outside a transaction block (whose locks are gone by now) with
-- the restriction of relations to locked ones, "x.oid IN (SELECT oid FROM locked)", left out.
-- Rows are found by xmin (command ids advance per statement, so cmin tells statements of one transaction apart);
-- rows deleted leave no trace there, but every dropped object is locked until the transaction ends.
-- Columns of "objects": cat = catalog, oid (attrelid for columns and defaults), sub = attnum, k = relkind, contype,
-- prokind or typtype, s = schema, n = name, fn/tfn = relfilenode of the relation and of its TOAST table,
-- per = persistence, am = access method, ts = tablespace, rel = owning relation, valid = index valid, constraint
-- validated or trigger enabled, part = is a partition, ty = column type, constraint definition, index definition
-- (pg_get_indexdef) or a partition's bound as a CHECK expression (pg_get_partition_constraintdef), nn = NOT NULL,
-- def = has a default,
-- miss = default stored without a rewrite, gen = generated or identity kind, drop = dropped column,
-- ref = referenced table (foreign key) or domain, uq = unique or exclusion index, cid = cmin, opt = a relation's
-- storage options, row-level security and replica identity (what the snapshot records of it beyond the fields above).
WITH
mode AS MATERIALIZED (
    SELECT current_setting('dbgate.first_xid') <> '' AS outside,
           CASE WHEN current_setting('dbgate.first_xid') = '' THEN 0
                ELSE age(current_setting('dbgate.first_xid')::xid) END AS age_limit,
           current_setting('dbgate.after_cid')::int8 AS after_cid
),
-- A catalog is read only when this transaction's count of rows written to it moved during the statement.
-- {counts} is counts.sql, the same counts dbgate_before stored as dbgate.before (ObservationSql puts it in).
counts AS MATERIALIZED (
    SELECT string_to_array({counts}, ',') AS now,
           string_to_array(current_setting('dbgate.before'), ',') AS before
),
touched AS MATERIALIZED (
    SELECT now[1] IS DISTINCT FROM before[1] OR current_setting('track_counts') = 'off' AS t_class,
           now[2] IS DISTINCT FROM before[2] OR current_setting('track_counts') = 'off' AS t_attribute,
           now[3] IS DISTINCT FROM before[3] OR current_setting('track_counts') = 'off' AS t_attrdef,
           now[4] IS DISTINCT FROM before[4] OR current_setting('track_counts') = 'off' AS t_constraint,
           now[5] IS DISTINCT FROM before[5] OR current_setting('track_counts') = 'off' AS t_trigger,
           now[6] IS DISTINCT FROM before[6] OR current_setting('track_counts') = 'off' AS t_policy,
           now[7] IS DISTINCT FROM before[7] OR current_setting('track_counts') = 'off' AS t_proc,
           now[8] IS DISTINCT FROM before[8] OR current_setting('track_counts') = 'off' AS t_type,
           now[9] IS DISTINCT FROM before[9] OR current_setting('track_counts') = 'off' AS t_enum,
           now[10] IS DISTINCT FROM before[10] OR current_setting('track_counts') = 'off' AS t_namespace,
           now[11] IS DISTINCT FROM before[11] OR current_setting('track_counts') = 'off' AS t_extension,
           now[12] IS DISTINCT FROM before[12] OR current_setting('track_counts') = 'off' AS t_rewrite,
           now[13] IS DISTINCT FROM before[13] OR current_setting('track_counts') = 'off' AS t_sequence,
           now[14] IS DISTINCT FROM before[14] OR current_setting('track_counts') = 'off' AS t_description,
           now[15] IS DISTINCT FROM before[15] OR current_setting('track_counts') = 'off' AS t_default_acl
    FROM counts
),
held AS MATERIALIZED (
    SELECT l.locktype, l.relation, l.classid, l.objid, l.mode
    FROM pg_locks l
    WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype IN ('relation', 'object')
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      -- FirstNormalObjectId: system catalogs, which this very query locks, are nobody's concern.
      AND coalesce(l.relation, l.objid) >= 16384
),
locked AS MATERIALIZED (SELECT DISTINCT relation AS oid FROM held WHERE locktype = 'relation'),
objects AS (
    SELECT 'class' AS cat, x.oid::int8 AS oid, 0 AS sub, x.relkind::text AS k,
           (SELECT nspname FROM pg_namespace WHERE oid = x.relnamespace) AS s, x.relname AS n,
           x.relfilenode::int8 AS fn, (SELECT relfilenode::int8 FROM pg_class WHERE oid = x.reltoastrelid) AS tfn,
           x.relpersistence::text AS per, x.relam::int8 AS am, x.reltablespace::int8 AS ts,
           ix.indrelid::int8 AS rel,
           ix.indisvalid AS valid, x.relispartition AS part,
           CASE WHEN x.relkind IN ('i', 'I') THEN pg_get_indexdef(x.oid) WHEN x.relispartition THEN pg_get_partition_constraintdef(x.oid) END AS ty, NULL::bool AS nn, NULL::bool AS def, NULL::bool AS miss, NULL::text AS gen,
           NULL::bool AS drop, NULL::int8 AS ref,
           (ix.indisunique OR ix.indisexclusion) AS uq, x.cmin::text::int8 AS cid,
           concat_ws(',', array_to_string(x.reloptions, ','), CASE WHEN x.relrowsecurity THEN 'row_security' END, CASE WHEN x.relforcerowsecurity THEN 'force_row_security' END, 'replica_identity=' || x.relreplident::text) AS opt
    FROM pg_class x LEFT JOIN pg_index ix ON ix.indexrelid = x.oid, mode m
    WHERE (SELECT t_class FROM touched) AND x.oid IN (SELECT oid FROM locked) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid AND x.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')
    UNION ALL
    SELECT 'attribute', x.attrelid::int8, x.attnum, NULL, NULL, x.attname, NULL, NULL, NULL, NULL, NULL, x.attrelid::int8,
           NULL, NULL, format_type(x.atttypid, x.atttypmod), x.attnotnull, x.atthasdef, x.atthasmissing,
           nullif(x.attgenerated::text || x.attidentity::text, ''), x.attisdropped, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_attribute x, mode m
    WHERE (SELECT t_attribute FROM touched) AND x.attrelid IN (SELECT oid FROM locked) AND x.attnum > 0
      AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'default', x.adrelid::int8, x.adnum, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.adrelid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_attrdef x, mode m
    WHERE (SELECT t_attrdef FROM touched) AND x.adrelid IN (SELECT oid FROM locked) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'constraint', x.oid::int8, 0, x.contype::text, NULL, x.conname, NULL, NULL, NULL, NULL, NULL,
           nullif(x.conrelid, 0)::int8, x.convalidated, NULL, pg_get_constraintdef(x.oid), NULL, NULL, NULL, NULL, NULL,
           coalesce(nullif(x.confrelid, 0), nullif(x.contypid, 0))::int8, NULL, x.cmin::text::int8, NULL
    FROM pg_constraint x, mode m
    WHERE (SELECT t_constraint FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'trigger', x.oid::int8, 0, NULL, NULL, x.tgname, NULL, NULL, NULL, NULL, NULL, x.tgrelid::int8,
           x.tgenabled <> 'D', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_trigger x, mode m
    WHERE (SELECT t_trigger FROM touched) AND NOT x.tgisinternal AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'policy', x.oid::int8, 0, NULL, NULL, x.polname, NULL, NULL, NULL, NULL, NULL, x.polrelid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_policy x, mode m
    WHERE (SELECT t_policy FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'routine', x.oid::int8, 0, x.prokind::text, (SELECT nspname FROM pg_namespace WHERE oid = x.pronamespace),
           x.proname || '(' || oidvectortypes(x.proargtypes) || ')', NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_proc x, mode m
    WHERE (SELECT t_proc FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'type', x.oid::int8, 0, x.typtype::text, (SELECT nspname FROM pg_namespace WHERE oid = x.typnamespace),
           x.typname, NULL, NULL, NULL, NULL, NULL, nullif(x.typrelid, 0)::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_type x, mode m
    WHERE (SELECT t_type FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid AND x.typtype IN ('e', 'd', 'c')
      AND (x.typrelid = 0 OR EXISTS (SELECT FROM pg_class r WHERE r.oid = x.typrelid AND r.relkind = 'c'))
    UNION ALL
    SELECT 'enum', x.oid::int8, 0, NULL, NULL, x.enumlabel, NULL, NULL, NULL, NULL, NULL, x.enumtypid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_enum x, mode m
    WHERE (SELECT t_enum FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'schema', x.oid::int8, 0, NULL, NULL, x.nspname, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_namespace x, mode m
    WHERE (SELECT t_namespace FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'extension', x.oid::int8, 0, NULL, NULL, x.extname, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_extension x, mode m
    WHERE (SELECT t_extension FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'view', x.ev_class::int8, 0, NULL, NULL, x.rulename, NULL, NULL, NULL, NULL, NULL, x.ev_class::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_rewrite x, mode m
    WHERE (SELECT t_rewrite FROM touched) AND x.ev_class IN (SELECT oid FROM locked) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    SELECT 'sequence', x.seqrelid::int8, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.seqrelid::int8,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_sequence x, mode m
    WHERE (SELECT t_sequence FROM touched) AND x.seqrelid IN (SELECT oid FROM locked) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    -- Privileges and comments, for provenance: GRANT and REVOKE take no lock on the relation, so its ACL is read from
    -- every pg_class row the statement wrote; a column's only when no pg_class row was written (a column GRANT
    -- writes none), which spares most DDL a scan of pg_attribute. opt = the ACL as text.
    UNION ALL
    SELECT 'acl', x.oid::int8, 0, x.relkind::text, (SELECT nspname FROM pg_namespace WHERE oid = x.relnamespace), x.relname,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.relacl::text
    FROM pg_class x, mode m
    WHERE (SELECT t_class FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid AND x.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
    UNION ALL
    SELECT 'acl', x.attrelid::int8, x.attnum, NULL, NULL, x.attname,
           NULL, NULL, NULL, NULL, NULL, x.attrelid::int8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.attacl::text
    FROM pg_attribute x, mode m
    WHERE (SELECT t_attribute AND NOT t_class FROM touched) AND x.attnum > 0 AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    -- k = the catalog (as the mirror names it) of the object commented on.
    SELECT 'comment', x.objoid::int8, x.objsubid,
           CASE x.classoid WHEN 'pg_class'::regclass THEN CASE WHEN x.objsubid = 0 THEN 'class' ELSE 'attribute' END
                WHEN 'pg_proc'::regclass THEN 'routine' WHEN 'pg_type'::regclass THEN 'type' WHEN 'pg_namespace'::regclass THEN 'schema'
                WHEN 'pg_constraint'::regclass THEN 'constraint' WHEN 'pg_trigger'::regclass THEN 'trigger'
                WHEN 'pg_policy'::regclass THEN 'policy' WHEN 'pg_extension'::regclass THEN 'extension' END,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, NULL
    FROM pg_description x, mode m
    WHERE (SELECT t_description FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
    UNION ALL
    -- k = defaclobjtype, s = its schema (none for every schema), n = the role, opt = the ACL as text.
    SELECT 'default_acl', x.oid::int8, 0, x.defaclobjtype::text, (SELECT nspname FROM pg_namespace WHERE oid = x.defaclnamespace),
           pg_get_userbyid(x.defaclrole), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.cmin::text::int8, x.defaclacl::text
    FROM pg_default_acl x, mode m
    WHERE (SELECT t_default_acl FROM touched) AND age(x.xmin) <= m.age_limit AND x.cmin::text::int8 > m.after_cid
)
-- Rows, not one JSON document: neither side spends time writing and parsing it. The first column says what a row is:
-- o an object's row version (the columns of "objects"), l a lock held (cat, oid, mode, gone, scans), c the clock,
-- always last, so that even a statement that locked and wrote nothing returns one row. That last row also puts the
-- caller's search_path back (stashed by SearchPathGuard.StashAndPin before this ran under DbGate's): every name above
-- has been printed by then, and it spares the batch a statement of its own.
SELECT 'o'::"char" AS dbgate_observed, o.*, NULL::text AS mode, NULL::bool AS gone, NULL::int8 AS scans, NULL::float8 AS clock
FROM objects o
UNION ALL
SELECT 'l', CASE WHEN h.locktype = 'relation' THEN 'class' ELSE h.classid::regclass::text END,
       coalesce(h.relation, h.objid)::int8, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, h.mode,
       -- Only deletions take ACCESS EXCLUSIVE on objects other than relations.
       CASE
           WHEN h.mode <> 'AccessExclusiveLock' THEN false
           WHEN h.locktype = 'relation' THEN NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = h.relation)
           WHEN h.classid = 'pg_constraint'::regclass THEN NOT EXISTS (SELECT FROM pg_constraint c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_trigger'::regclass THEN NOT EXISTS (SELECT FROM pg_trigger c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_policy'::regclass THEN NOT EXISTS (SELECT FROM pg_policy c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_proc'::regclass THEN NOT EXISTS (SELECT FROM pg_proc c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_type'::regclass THEN NOT EXISTS (SELECT FROM pg_type c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_namespace'::regclass THEN NOT EXISTS (SELECT FROM pg_namespace c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_extension'::regclass THEN NOT EXISTS (SELECT FROM pg_extension c WHERE c.oid = h.objid)
           WHEN h.classid = 'pg_enum'::regclass THEN NOT EXISTS (SELECT FROM pg_enum c WHERE c.oid = h.objid)
           ELSE false END,
       CASE WHEN h.locktype = 'relation' THEN pg_stat_get_xact_numscans(h.relation) END, NULL
FROM held h
WHERE h.locktype = 'relation' OR h.classid IN ('pg_constraint'::regclass, 'pg_trigger'::regclass,
    'pg_policy'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass, 'pg_namespace'::regclass,
    'pg_extension'::regclass, 'pg_enum'::regclass)
UNION ALL
SELECT 'c', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, extract(epoch FROM clock_timestamp())::float8
WHERE set_config('search_path', current_setting('dbgate.caller_search_path'), true) IS NOT NULL
