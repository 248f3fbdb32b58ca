-- Labels in sort order, not OID or enumsortorder: ADD VALUE BEFORE gives fractional sort keys.
SELECT coalesce(json_agg(json_build_object(
        'schema', n.nspname,
        'name', t.typname,
        'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(t.typowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(t.typacl, acldefault('T', t.typowner))) x)) END
    ) ORDER BY n.nspname, t.typname), '[]')
FROM pg_type t
JOIN user_schema n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
