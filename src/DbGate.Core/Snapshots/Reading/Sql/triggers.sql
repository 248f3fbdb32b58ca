-- Internal triggers implement foreign keys (the constraint is recorded) and triggers cloned onto
-- partitions follow from their parent's.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'table', r.relname,
        'name', tg.tgname,
        'statement', pg_get_triggerdef(tg.oid),
        'enabled', CASE tg.tgenabled WHEN 'O' THEN 'enabled' WHEN 'D' THEN 'disabled'
                                     WHEN 'R' THEN 'enabled on replica only' ELSE 'enabled always' END,
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = tg.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0)
    ) ORDER BY r.nspname, r.relname, tg.tgname), '[]')
FROM pg_trigger tg
JOIN user_relation r ON r.oid = tg.tgrelid
WHERE NOT tg.tgisinternal AND tg.tgparentid = 0
