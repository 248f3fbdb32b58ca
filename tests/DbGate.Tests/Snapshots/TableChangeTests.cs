using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

/// <summary>What a down script typically fails to restore on tables, columns, constraints and indexes.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class TableChangeTests(PostgresFixture fixture)
{
    [Fact]
    public async Task An_index_left_behind_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.users (id int, created_at timestamptz);",
            when: "CREATE INDEX users_created_at_idx ON app.users (created_at);");

        Assert.Equal(["index app.users_created_at_idx was left behind"], differences);
    }

    [Fact]
    public async Task A_missing_table_is_reported_once_without_its_indexes_constraints_triggers_and_sequences()
    {
        var differences = await fixture.DifferencesAsync(
            given: """
                CREATE TABLE app.customers (id int PRIMARY KEY);
                CREATE TABLE app.orders (id serial PRIMARY KEY, customer_id int REFERENCES app.customers, note text);
                CREATE INDEX orders_note_idx ON app.orders (note);
                CREATE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER orders_noop BEFORE INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION app.noop();
                """,
            when: "DROP TABLE app.orders;");

        Assert.Equal(["table app.orders is missing"], differences);
    }

    [Fact]
    public async Task A_column_type_that_was_not_restored_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.users (id int, score integer);",
            when: "ALTER TABLE app.users ALTER COLUMN score TYPE numeric;");

        Assert.Equal(["column app.users.score: type integer became numeric"], differences);
    }

    [Fact]
    public async Task A_changed_default_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.users (id int, score integer DEFAULT 0);",
            when: "ALTER TABLE app.users ALTER COLUMN score SET DEFAULT 1;");

        Assert.Equal(["column app.users.score: default 0 became 1"], differences);
    }

    [Fact]
    public async Task A_dropped_not_null_and_a_missing_column_are_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.users (id int, email text NOT NULL, nickname text);",
            when: "ALTER TABLE app.users ALTER COLUMN email DROP NOT NULL, DROP COLUMN nickname;");

        Assert.Equal(["column app.users.email: NOT NULL became nullable", "column app.users.nickname is missing"], differences);
    }

    [Fact]
    public async Task Columns_in_a_different_order_are_reported_as_column_order()
    {
        // Given (id, name, email); When name is dropped and added back, as a down re-adding a dropped column does
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA app; CREATE TABLE app.users (id int, name text, email text);");
        var expected = await database.SnapshotAsync();
        await database.ExecuteAsync("ALTER TABLE app.users DROP COLUMN name; ALTER TABLE app.users ADD COLUMN name text;");
        var actual = await database.SnapshotAsync();

        var difference = Assert.Single(Core.Snapshots.SchemaDiff.Compare(expected, actual));
        Assert.Equal(Core.Snapshots.DifferenceKind.ColumnOrder, difference.Kind);
        Assert.Equal("columns of app.users are in a different order: expected (id, name, email), found (id, email, name)", difference.Description);
    }

    [Fact]
    public async Task A_foreign_key_action_that_was_not_restored_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: """
                CREATE TABLE app.customers (id int PRIMARY KEY);
                CREATE TABLE app.orders (id int, customer_id int CONSTRAINT orders_customer_fk REFERENCES app.customers ON DELETE CASCADE);
                """,
            when: """
                ALTER TABLE app.orders DROP CONSTRAINT orders_customer_fk;
                ALTER TABLE app.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES app.customers;
                """);

        Assert.Equal(["constraint orders_customer_fk on app.orders: ON DELETE CASCADE became NO ACTION"], differences);
    }

    [Fact]
    public async Task A_validated_constraint_is_told_apart_from_a_not_valid_one()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.orders (id int); ALTER TABLE app.orders ADD CONSTRAINT orders_positive CHECK (id > 0) NOT VALID;",
            when: "ALTER TABLE app.orders VALIDATE CONSTRAINT orders_positive;");

        Assert.Equal(["constraint orders_positive on app.orders: NOT VALID became validated"], differences);
    }

    [Fact]
    public async Task A_changed_check_clause_is_shown_in_full()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.orders (id int CONSTRAINT orders_id_check CHECK (id > 0));",
            when: "ALTER TABLE app.orders DROP CONSTRAINT orders_id_check, ADD CONSTRAINT orders_id_check CHECK (id > 1);");

        Assert.Equal(["constraint orders_id_check on app.orders: definition CHECK ((id > 0)) became CHECK ((id > 1))"], differences);
    }

    [Fact]
    public async Task A_changed_index_predicate_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.users (id int, active bool); CREATE INDEX users_id_idx ON app.users (id) WHERE active;",
            when: "DROP INDEX app.users_id_idx; CREATE INDEX users_id_idx ON app.users (id);");

        Assert.Equal(["index app.users_id_idx: predicate active was removed"], differences);
    }

    [Fact]
    public async Task Row_level_security_and_comments_are_compared()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.docs (owner text);",
            when: "ALTER TABLE app.docs ENABLE ROW LEVEL SECURITY; COMMENT ON TABLE app.docs IS 'private';");

        Assert.Equal(["table app.docs: comment \"private\" was added", "table app.docs: row level security disabled became enabled"], differences);
    }

    [Fact]
    public async Task A_partition_left_behind_is_reported()
    {
        var differences = await fixture.DifferencesAsync(
            given: "CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at); CREATE INDEX ON app.events (at);",
            when: "CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");

        Assert.Equal(["table app.events_2024 was left behind"], differences);
    }
}
