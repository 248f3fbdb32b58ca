-- An extension's own objects are excluded everywhere else: its name and version stand for all of them.
SELECT coalesce(json_agg(json_build_object(
        'name', e.extname,
        'version', e.extversion,
        'schema', n.nspname,
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass AND d.objsubid = 0)
    ) ORDER BY e.extname), '[]')
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
