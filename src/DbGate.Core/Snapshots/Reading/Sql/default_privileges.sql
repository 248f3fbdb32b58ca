-- ALTER DEFAULT PRIVILEGES is migration DDL too, but it is about privileges, so it follows the option.
SELECT coalesce(json_agg(json_build_object(
        'role', pg_get_userbyid(da.defaclrole),
        'schema', n.nspname,
        'object_type', CASE da.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                             WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END,
        'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(da.defaclacl) x)
    ) ORDER BY pg_get_userbyid(da.defaclrole), n.nspname NULLS FIRST, da.defaclobjtype), '[]')
FROM pg_default_acl da
LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
WHERE $1
