-- Every index of a user table or materialized view, those behind constraints too: the snapshot describes those by
-- their constraint, but a duplicate or a covering index is a question about indexes. A key column is its attnum,
-- operator class, collation and ordering option, so two keys compare equal exactly when the index behaves the same.
SELECT coalesce(json_agg(json_build_object(
        'schema', r.nspname,
        'name', r.relname,
        'table', t.relname,
        'constraint', con.conname,
        'method', am.amname,
        'unique', i.indisunique,
        'primary', i.indisprimary,
        'valid', i.indisvalid,
        'nulls_not_distinct', coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false),
        'partial', i.indpred IS NOT NULL,
        'columns', (
            SELECT coalesce(json_agg(a.attname ORDER BY k.n), '[]')
            FROM generate_series(0, i.indnkeyatts - 1) k(n)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n] AND i.indkey[k.n] <> 0),
        'keys', (
            SELECT coalesce(json_agg(concat_ws('/', i.indkey[k.n], i.indclass[k.n], i.indcollation[k.n], i.indoption[k.n]) ORDER BY k.n), '[]')
            FROM generate_series(0, i.indnkeyatts - 1) k(n)),
        'included', (
            SELECT coalesce(json_agg(i.indkey[k.n] ORDER BY k.n), '[]')
            FROM generate_series(i.indnkeyatts, i.indnatts - 1) k(n)),
        'expressions', pg_get_expr(i.indexprs, i.indrelid),
        'predicate', pg_get_expr(i.indpred, i.indrelid)
    ) ORDER BY r.nspname, r.relname), '[]')
FROM user_relation r
JOIN pg_index i ON i.indexrelid = r.oid
JOIN user_relation t ON t.oid = i.indrelid
JOIN pg_class c ON c.oid = r.oid
JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE r.relkind IN ('i', 'I')
  AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
