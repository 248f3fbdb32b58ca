-- typdefault is text deparsed under the creator's search_path; typdefaultbin is deparsed here instead.
SELECT coalesce(json_agg(json_build_object(
        'schema', n.nspname,
        'name', t.typname,
        'base_type', format_type(t.typbasetype, t.typtypmod),
        'default', pg_get_expr(t.typdefaultbin, 0),
        'not_null', t.typnotnull,
        'collation', CASE WHEN t.typcollation <> bt.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END END,
        'constraints', (
            SELECT coalesce(json_agg(json_build_object(
                    'name', con.conname,
                    'clause', pg_get_constraintdef(con.oid),
                    'validated', con.convalidated,
                    'comment', (SELECT cd.description FROM pg_description cd
                                WHERE cd.objoid = con.oid AND cd.classoid = 'pg_constraint'::regclass AND cd.objsubid = 0)
                ) ORDER BY con.conname), '[]')
            FROM pg_constraint con
            WHERE con.contypid = t.oid),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(t.typowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(t.typacl, acldefault('T', t.typowner))) x)) END
    ) ORDER BY n.nspname, t.typname), '[]')
FROM pg_type t
JOIN user_schema n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'd'
  AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
