SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', r.relname,
        'materialized', r.relkind = 'm',
        'query', pg_get_viewdef(c.oid),
        'columns', coalesce(rc.columns, '[]'),
        'options', (SELECT coalesce(json_agg(o ORDER BY o), '[]') FROM unnest(c.reloptions) o),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(c.relowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(c.relacl, acldefault('r', c.relowner))) x)) END
    ) ORDER BY r.nspname, r.relname), '[]')
FROM user_relation r
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN relation_column rc ON rc.attrelid = c.oid
WHERE r.relkind IN ('v', 'm')
