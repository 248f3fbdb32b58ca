SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', r.relname,
        'kind', CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' ELSE 'foreign table' END,
        'unlogged', c.relpersistence = 'u',
        'row_security', c.relrowsecurity,
        'force_row_security', c.relforcerowsecurity,
        'partition_key', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
        'partition_bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
        'parents', (
            SELECT coalesce(json_agg(pn.nspname || '.' || pc.relname ORDER BY i.inhseqno), '[]')
            FROM pg_inherits i
            JOIN pg_class pc ON pc.oid = i.inhparent
            JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE i.inhrelid = c.oid),
        'of_type', CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END,
        'access_method', am.amname,
        'options', (SELECT coalesce(json_agg(o ORDER BY o), '[]') FROM unnest(c.reloptions) o),
        'replica_identity', CASE c.relreplident WHEN 'd' THEN 'DEFAULT' WHEN 'n' THEN 'NOTHING' WHEN 'f' THEN 'FULL' ELSE 'USING INDEX' END,
        'foreign_server', fs.srvname,
        'foreign_options', (SELECT coalesce(json_agg(o ORDER BY o), '[]') FROM unnest(ft.ftoptions) o),
        'columns', coalesce(rc.columns, '[]'),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(c.relowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(c.relacl, acldefault('r', c.relowner))) x)) END
    ) ORDER BY r.nspname, r.relname), '[]')
FROM user_relation r
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
LEFT JOIN relation_column rc ON rc.attrelid = c.oid
WHERE r.relkind IN ('r', 'p', 'f')
