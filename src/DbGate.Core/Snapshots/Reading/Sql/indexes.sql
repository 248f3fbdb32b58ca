-- Indexes that implement a constraint are described by pg_get_constraintdef, and indexes attached to a
-- partitioned parent index follow from it, so neither is listed on its own.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', r.relname,
        'table', t.relname,
        'statement', pg_get_indexdef(i.indexrelid),
        'method', am.amname,
        'unique', i.indisunique,
        'key_columns', (
            SELECT coalesce(json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k), '[]')
            FROM generate_series(1, i.indnkeyatts) k),
        'included_columns', (
            SELECT coalesce(json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k), '[]')
            FROM generate_series(i.indnkeyatts + 1, i.indnatts) k),
        'predicate', pg_get_expr(i.indpred, i.indrelid),
        'valid', i.indisvalid,
        'ready', i.indisready,
        'clustered', i.indisclustered,
        'replica_identity', i.indisreplident,
        'comment', (SELECT d.description FROM pg_description d
                    WHERE d.objoid = r.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0)
    ) ORDER BY r.nspname, r.relname), '[]')
FROM user_relation r
JOIN pg_index i ON i.indexrelid = r.oid
JOIN user_relation t ON t.oid = i.indrelid
JOIN pg_class c ON c.oid = r.oid
JOIN pg_am am ON am.oid = c.relam
WHERE r.relkind IN ('i', 'I')
  AND NOT EXISTS (
      SELECT FROM pg_constraint con
      WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
