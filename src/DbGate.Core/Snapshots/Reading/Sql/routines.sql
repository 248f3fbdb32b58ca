-- The catalog tells overloads apart by proargtypes alone, so argument names and modes are not part of the identity.
-- prosrc is the body as written; a SQL-standard body (BEGIN ATOMIC / RETURN) is stored parsed, so
-- pg_get_functiondef is the only faithful text for it.
SELECT coalesce(json_agg(json_build_object(
        'schema', n.nspname,
        'name', p.proname,
        'identity_arguments', oidvectortypes(p.proargtypes),
        'kind', CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'window function' END,
        'arguments', pg_get_function_arguments(p.oid),
        'returns', pg_get_function_result(p.oid),
        'language', l.lanname,
        'body', CASE
            WHEN p.prokind = 'a' THEN concat_ws(', ',
                'SFUNC = ' || ag.aggtransfn::regproc,
                'STYPE = ' || format_type(ag.aggtranstype, NULL),
                'FINALFUNC = ' || nullif(ag.aggfinalfn, 0)::regproc,
                'COMBINEFUNC = ' || nullif(ag.aggcombinefn, 0)::regproc,
                'INITCOND = ' || quote_literal(ag.agginitval),
                'SORTOP = ' || nullif(ag.aggsortop, 0)::regoperator)
            WHEN p.prosqlbody IS NOT NULL THEN pg_get_functiondef(p.oid)
            ELSE p.prosrc END,
        'volatility', CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END,
        'strict', p.proisstrict,
        'security_definer', p.prosecdef,
        'leakproof', p.proleakproof,
        'parallel', CASE p.proparallel WHEN 's' THEN 'PARALLEL SAFE' WHEN 'r' THEN 'PARALLEL RESTRICTED' ELSE 'PARALLEL UNSAFE' END,
        'cost', p.procost,
        'rows', p.prorows,
        'settings', (SELECT coalesce(json_agg(x ORDER BY x), '[]') FROM unnest(p.proconfig) x),
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0),
        'privileges', CASE WHEN $1 THEN json_build_object(
            'owner', pg_get_userbyid(p.proowner),
            'acl', (SELECT json_agg(x::text ORDER BY x::text) FROM unnest(coalesce(p.proacl, acldefault('f', p.proowner))) x)) END
    ) ORDER BY n.nspname, p.proname, oidvectortypes(p.proargtypes)), '[]')
FROM pg_proc p
JOIN user_schema n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
WHERE p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
