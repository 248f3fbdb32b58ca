-- What each plain view reads, from its rewrite rule's dependencies: a view without security_invoker reads these with
-- its owner's rights, row-level security included.
SELECT coalesce(json_agg(json_build_object('view', v.view, 'relations', v.relations) ORDER BY v.view), '[]')
FROM (
    SELECT r.nspname || '.' || r.relname AS view,
           json_agg(DISTINCT rn.nspname || '.' || rc.relname) AS relations
    FROM user_relation r
    JOIN pg_rewrite rw ON rw.ev_class = r.oid
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.oid
    JOIN pg_class rc ON rc.oid = d.refobjid AND rc.relkind IN ('r', 'p', 'f', 'v', 'm')
    JOIN pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE r.relkind = 'v'
    GROUP BY r.nspname, r.relname) v
