-- Only free-standing composite types: every table and view has a row type of its own, recorded with it.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', t.typname,
        'attributes', coalesce(rc.columns, '[]'),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(t.typowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(t.typacl, acldefault('T', t.typowner))) x)) END
    ) ORDER BY r.nspname, t.typname), '[]')
FROM user_relation r
JOIN pg_type t ON t.typrelid = r.oid
LEFT JOIN relation_column rc ON rc.attrelid = r.oid
WHERE r.relkind = 'c'
  AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
