-- Roles are the cluster's, not the database's: the health stage keeps only those that appeared while migrations ran.
SELECT coalesce(json_agg(json_build_object(
        'name', rolname,
        'superuser', rolsuper,
        'bypass_rls', rolbypassrls,
        'create_role', rolcreaterole,
        'login', rolcanlogin
    ) ORDER BY rolname), '[]')
FROM pg_roles
WHERE rolname !~ '^pg_'
