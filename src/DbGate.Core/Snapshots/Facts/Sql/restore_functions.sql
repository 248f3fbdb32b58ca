-- Functions whose body is parsed when they run, under whatever search_path is in effect then, and which PostgreSQL
-- runs while restoring a dump (pg_restore sets search_path to ''): in an index, a CHECK constraint, a domain's
-- constraint, a generated column or a materialized view. SQL-standard bodies are bound at creation and are safe.
SELECT coalesce(json_agg(json_build_object('routine', u.routine, 'used_by_kind', u.kind, 'used_by', u.name, 'language', u.lanname, 'oid', u.oid::bigint)
    ORDER BY u.routine, u.kind, u.name), '[]')
FROM (
    SELECT DISTINCT
        p.oid, l.lanname,
        n.nspname || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')' AS routine,
        CASE d.classid
            WHEN 'pg_class'::regclass THEN 'index'
            WHEN 'pg_constraint'::regclass THEN CASE WHEN con.contypid <> 0 THEN 'domain' ELSE 'constraint' END
            WHEN 'pg_attrdef'::regclass THEN 'generated column'
            ELSE 'materialized view' END AS kind,
        CASE d.classid
            WHEN 'pg_class'::regclass THEN ic.nspname || '.' || ic.relname
            WHEN 'pg_constraint'::regclass THEN
                CASE WHEN con.contypid <> 0 THEN (SELECT tn.nspname || '.' || ty.typname FROM pg_type ty JOIN pg_namespace tn ON tn.oid = ty.typnamespace WHERE ty.oid = con.contypid)
                     ELSE (SELECT cr.nspname || '.' || cr.relname FROM user_relation cr WHERE cr.oid = con.conrelid) || '.' || con.conname END
            WHEN 'pg_attrdef'::regclass THEN (SELECT ar.nspname || '.' || ar.relname FROM user_relation ar WHERE ar.oid = ad.adrelid)
                || '.' || (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = ad.adrelid AND a.attnum = ad.adnum)
            ELSE mv.nspname || '.' || mv.relname END AS name
    FROM pg_depend d
    JOIN pg_proc p ON p.oid = d.refobjid
    JOIN user_schema n ON n.oid = p.pronamespace
    JOIN pg_language l ON l.oid = p.prolang
    LEFT JOIN user_relation ic ON d.classid = 'pg_class'::regclass AND ic.oid = d.objid AND ic.relkind IN ('i', 'I')
    LEFT JOIN pg_constraint con ON d.classid = 'pg_constraint'::regclass AND con.oid = d.objid AND con.contype = 'c'
    LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
    LEFT JOIN pg_attribute ga ON ga.attrelid = ad.adrelid AND ga.attnum = ad.adnum
    LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid
    LEFT JOIN user_relation mv ON mv.oid = rw.ev_class AND mv.relkind = 'm'
    WHERE d.refclassid = 'pg_proc'::regclass
      AND l.lanname IN ('sql', 'plpgsql')
      AND p.prosqlbody IS NULL
      AND p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
      AND NOT EXISTS (SELECT FROM unnest(p.proconfig) s WHERE s LIKE 'search\_path=%')
      AND (ic.oid IS NOT NULL OR con.oid IS NOT NULL OR (ad.oid IS NOT NULL AND ga.attgenerated <> '') OR mv.oid IS NOT NULL)) u
WHERE u.name IS NOT NULL
