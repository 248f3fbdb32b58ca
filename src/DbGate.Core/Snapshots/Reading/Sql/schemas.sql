SELECT coalesce(json_agg(json_build_object(
        'name', n.nspname,
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(n.nspowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(n.nspacl, acldefault('n', n.nspowner))) x)) END
    ) ORDER BY n.nspname), '[]')
FROM user_schema n
