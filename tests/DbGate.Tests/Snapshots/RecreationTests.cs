using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

/// <summary>Running the same DDL again must give the same snapshot: nothing that identifies a physical object may leak in.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class RecreationTests(PostgresFixture fixture)
{
    [Theory]
    [InlineData("table with serial, identity and generated columns", """
        CREATE TABLE app.users (
            id serial PRIMARY KEY,
            uid bigint GENERATED ALWAYS AS IDENTITY (START WITH 10),
            email text COLLATE "C" NOT NULL UNIQUE,
            score int DEFAULT 0 CHECK (score >= 0),
            doubled int GENERATED ALWAYS AS (score * 2) STORED);
        ALTER TABLE app.users ALTER COLUMN email SET STORAGE EXTERNAL;
        COMMENT ON TABLE app.users IS 'people';
        COMMENT ON COLUMN app.users.email IS 'login';
        """)]
    [InlineData("foreign key, exclusion and NOT VALID constraints", """
        CREATE TABLE app.customers (id int PRIMARY KEY);
        CREATE TABLE app.orders (
            id int PRIMARY KEY,
            customer_id int CONSTRAINT orders_customer_fk REFERENCES app.customers ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            during tstzrange,
            EXCLUDE USING gist (during WITH &&));
        ALTER TABLE app.orders ADD CONSTRAINT orders_positive CHECK (id > 0) NOT VALID;
        COMMENT ON CONSTRAINT orders_positive ON app.orders IS 'checked later';
        """)]
    [InlineData("indexes", """
        CREATE TABLE app.t (a int, b text, c jsonb);
        CREATE INDEX t_a_idx ON app.t (a DESC) INCLUDE (b) WHERE a > 0;
        CREATE UNIQUE INDEX ON app.t (lower(b));
        CREATE INDEX ON app.t USING gin (c);
        """)]
    [InlineData("views and materialized views", """
        CREATE TABLE app.t (a int, b text);
        CREATE VIEW app.v WITH (security_barrier) AS SELECT a, upper(b) AS ub FROM app.t WHERE a > 0;
        CREATE MATERIALIZED VIEW app.mv AS SELECT a FROM app.v;
        CREATE INDEX ON app.mv (a);
        """)]
    [InlineData("functions, procedures and aggregates", """
        CREATE TYPE app.mood AS ENUM ('sad', 'happy');
        CREATE FUNCTION app.f(x integer, m app.mood DEFAULT 'sad') RETURNS integer
            LANGUAGE plpgsql STABLE STRICT SET search_path = app AS $$ BEGIN RETURN x + 1; END $$;
        CREATE FUNCTION app.g(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2;
        CREATE PROCEDURE app.p(INOUT n integer) LANGUAGE sql AS $$ SELECT n $$;
        CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
        """)]
    [InlineData("triggers", """
        CREATE TABLE app.t (a int, updated timestamptz);
        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
        CREATE TRIGGER t_touch BEFORE UPDATE OF a ON app.t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM NEW.a) EXECUTE FUNCTION app.touch();
        CREATE TRIGGER t_off BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
        ALTER TABLE app.t DISABLE TRIGGER t_off;
        """)]
    [InlineData("enums, domains and composite types", """
        CREATE TYPE app.mood AS ENUM ('sad', 'happy');
        ALTER TYPE app.mood ADD VALUE 'ok' BEFORE 'happy';
        CREATE DOMAIN app.positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (x app.positive, y text COLLATE "C", m app.mood);
        """)]
    [InlineData("row-level security policies", """
        CREATE TABLE app.docs (owner text);
        ALTER TABLE app.docs ENABLE ROW LEVEL SECURITY;
        ALTER TABLE app.docs FORCE ROW LEVEL SECURITY;
        CREATE POLICY own ON app.docs USING (owner = current_user) WITH CHECK (owner = current_user);
        CREATE POLICY readable ON app.docs AS RESTRICTIVE FOR SELECT TO PUBLIC USING (true);
        """)]
    [InlineData("partitioned tables", """
        CREATE TABLE app.events (id bigserial, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE INDEX ON app.events (at);
        CREATE TABLE app.refs (id bigint, at date, FOREIGN KEY (id, at) REFERENCES app.events);
        """)]
    [InlineData("sequences, unlogged, inherited and typed tables", """
        CREATE SEQUENCE app.s AS integer INCREMENT 5 MINVALUE 10 START 20 CACHE 3 CYCLE;
        CREATE UNLOGGED TABLE app.u (a int) WITH (fillfactor = 70);
        ALTER SEQUENCE app.s OWNED BY app.u.a;
        CREATE TABLE app.parent (a int);
        CREATE TABLE app.child (b int) INHERITS (app.parent);
        CREATE TYPE app.row_shape AS (x int);
        CREATE TABLE app.typed OF app.row_shape;
        """)]
    public async Task Recreating_the_same_objects_gives_an_equal_snapshot(string objects, string ddl)
    {
        // Given the objects, created once
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA app;");
        var empty = await database.SnapshotAsync();
        await database.ExecuteAsync(ddl);
        var first = await database.SnapshotAsync();

        // When they are dropped and created again, with new OIDs, relfilenodes and attnums
        await database.ExecuteAsync("DROP SCHEMA app CASCADE; CREATE SCHEMA app;" + ddl);
        var second = await database.SnapshotAsync();

        // Then the snapshots are equal, and they did record the objects
        Assert.Empty(SchemaDiff.Compare(first, second));
        Assert.Equal(first, second);
        Assert.NotEqual(empty, first);
        Assert.True(SchemaDiff.Compare(empty, first).Count > 0, objects);
    }

    [Fact]
    public async Task Recreating_the_same_grants_gives_an_equal_snapshot_with_privileges()
    {
        // Given grants on a schema, a table, a column, a sequence, a function and a type, and default privileges
        const string Ddl = """
            CREATE TABLE app.t (id serial, secret text);
            CREATE FUNCTION app.f() RETURNS int LANGUAGE sql RETURN 1;
            CREATE TYPE app.mood AS ENUM ('sad');
            GRANT USAGE ON SCHEMA app TO PUBLIC;
            GRANT SELECT, INSERT ON app.t TO PUBLIC;
            GRANT UPDATE (secret) ON app.t TO PUBLIC;
            GRANT USAGE ON SEQUENCE app.t_id_seq TO PUBLIC;
            REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;
            REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
            """;
        var options = new SnapshotOptions { IncludePrivileges = true };
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA app;" + Ddl);
        var first = await database.SnapshotAsync(options);

        // When everything is dropped and granted again
        await database.ExecuteAsync("DROP SCHEMA app CASCADE; CREATE SCHEMA app;" + Ddl);
        var second = await database.SnapshotAsync(options);

        // Then the snapshots are equal
        Assert.Empty(SchemaDiff.Compare(first, second));
        Assert.Contains("=r/", string.Join(" ", first.DefaultPrivileges.SelectMany(p => p.Acl)), StringComparison.Ordinal);
    }
}
