SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'table', r.relname,
        'name', pol.polname,
        'command', CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                   WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
        'permissive', pol.polpermissive,
        'roles', (
            SELECT coalesce(json_agg(x.name ORDER BY x.name), '[]')
            FROM (SELECT CASE WHEN ro = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(ro)::text END AS name
                  FROM unnest(pol.polroles) ro) x),
        'using', pg_get_expr(pol.polqual, pol.polrelid),
        'with_check', pg_get_expr(pol.polwithcheck, pol.polrelid),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = pol.oid AND d.classoid = 'pg_policy'::regclass AND d.objsubid = 0)
    ) ORDER BY r.nspname, r.relname, pol.polname), '[]')
FROM pg_policy pol
JOIN user_relation r ON r.oid = pol.polrelid
