-- Current values are data, not schema: only the definition is recorded.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', r.relname,
        'type', format_type(s.seqtypid, NULL),
        'start', s.seqstart,
        'minimum', s.seqmin,
        'maximum', s.seqmax,
        'increment', s.seqincrement,
        'cycle', s.seqcycle,
        'cache', s.seqcache,
        'owned_by_table', owner.tbl,
        'owned_by_column', owner.col,
        'identity', coalesce(owner.deptype = 'i', false),
        'unlogged', c.relpersistence = 'u',
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(c.relowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(c.relacl, acldefault('s', c.relowner))) x)) END
    ) ORDER BY r.nspname, r.relname), '[]')
FROM user_relation r
JOIN pg_sequence s ON s.seqrelid = r.oid
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN LATERAL (
    SELECT tn.nspname || '.' || tc.relname AS tbl, a.attname::text AS col, dep.deptype
    FROM pg_depend dep
    JOIN pg_class tc ON tc.oid = dep.refobjid
    JOIN pg_namespace tn ON tn.oid = tc.relnamespace
    JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
    WHERE dep.classid = 'pg_class'::regclass AND dep.objid = r.oid
      AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')
    LIMIT 1) owner ON true
WHERE r.relkind = 'S'
