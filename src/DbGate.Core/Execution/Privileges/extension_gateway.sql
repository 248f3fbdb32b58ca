-- Installed into a work database by DbGate's privileged connection, only when dbgate.yml lists extensions in
-- postgres.extensions. PostgreSQL lets a database owner create only trusted extensions; these functions let the
-- unprivileged migration role create, update and drop exactly the listed ones, and nothing else. They run in the
-- caller's transaction, so a round trip rolls them back like any other statement. The snapshot ignores this schema.
-- {allowed} is replaced by DbGate with an array literal of the listed names.
CREATE SCHEMA dbgate_privileged;
REVOKE ALL ON SCHEMA dbgate_privileged FROM PUBLIC;

CREATE FUNCTION dbgate_privileged.check_allowed(names text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY names LOOP
        IF NOT name = ANY ({allowed}::text[]) THEN
            RAISE EXCEPTION 'permission denied for extension "%"', name USING ERRCODE = '42501',
                HINT = 'DbGate creates only the extensions listed in dbgate.yml under postgres.extensions for an unprivileged role.';
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION dbgate_privileged.create_extension(name text, if_not_exists boolean, target_schema text, caller_schema text, version text, cascade boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    fixed_schema text;
    schema_name text;
BEGIN
    PERFORM dbgate_privileged.check_allowed(ARRAY[name]);
    -- Without SCHEMA, CREATE EXTENSION uses the control file's schema or else the caller's current schema.
    SELECT v.schema INTO fixed_schema FROM pg_available_extension_versions v WHERE v.name = create_extension.name LIMIT 1;
    schema_name := coalesce(target_schema, CASE WHEN fixed_schema IS NULL THEN caller_schema END);
    EXECUTE format('CREATE EXTENSION %s %I %s %s %s',
        CASE WHEN if_not_exists THEN 'IF NOT EXISTS' ELSE '' END, name,
        CASE WHEN schema_name IS NOT NULL THEN format('SCHEMA %I', schema_name) ELSE '' END,
        CASE WHEN version IS NOT NULL THEN format('VERSION %L', version) ELSE '' END,
        CASE WHEN cascade THEN 'CASCADE' ELSE '' END);
END $$;

CREATE FUNCTION dbgate_privileged.update_extension(name text, version text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM dbgate_privileged.check_allowed(ARRAY[name]);
    EXECUTE format('ALTER EXTENSION %I UPDATE %s', name, CASE WHEN version IS NOT NULL THEN format('TO %L', version) ELSE '' END);
END $$;

CREATE FUNCTION dbgate_privileged.drop_extension(names text[], if_exists boolean, cascade boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM dbgate_privileged.check_allowed(names);
    EXECUTE format('DROP EXTENSION %s %s %s',
        CASE WHEN if_exists THEN 'IF EXISTS' ELSE '' END,
        (SELECT string_agg(quote_ident(n), ', ') FROM unnest(names) n),
        CASE WHEN cascade THEN 'CASCADE' ELSE 'RESTRICT' END);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA dbgate_privileged FROM PUBLIC;
