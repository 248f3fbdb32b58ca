using DbGate.Core.Observation;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Observation;

/// <summary>Scans, stored defaults and validation, read from the statistics views and the catalog rows a statement wrote.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ConstraintObservationTests(PostgresFixture server)
{
    [Fact]
    public async Task Set_not_null_scans_the_table_unless_a_valid_check_already_proves_it()
    {
        await using var plain = await server.CreateDatabaseAsync();
        await using var proven = await server.CreateDatabaseAsync();
        const string Alter = "ALTER TABLE t ALTER COLUMN email SET NOT NULL;";

        var scans = await ObservationHarness.RunAsync(plain.ConnectionString, "CREATE TABLE t (id int, email text);", Alter);
        var skips = await ObservationHarness.RunAsync(
            proven.ConnectionString, "CREATE TABLE t (id int, email text, CONSTRAINT email_present CHECK (email IS NOT NULL));", Alter);

        Assert.Equal(["public.t"], scans.Statements[0].Scanned.Select(t => t.Name));
        Assert.Empty(skips.Statements[0].Scanned);
        foreach (var observed in new[] { scans, skips })
        {
            var column = Assert.Single(observed.Statements[0].Changes, c => c.Target == new ObjectId(SchemaObjectKind.Column, "public.t.email"));
            Assert.Equal((ChangeKind.Altered, false, true), (column.Kind, column.Before?.NotNull, column.After?.NotNull));
        }
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("now()", true)]
    [InlineData("'draft'::text", true)]
    [InlineData("clock_timestamp()::text", false)]
    [InlineData("gen_random_uuid()::text", false)]
    public async Task A_column_added_with_a_non_volatile_default_is_stored_as_missing_and_a_volatile_one_rewrites(string value, bool storedAsMissing)
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, "CREATE TABLE t (id int);", $"ALTER TABLE t ADD COLUMN extra text DEFAULT {value};");

        var statement = observed.Statements[0];
        var column = Assert.Single(statement.Changes, c => c.Target == new ObjectId(SchemaObjectKind.Column, "public.t.extra"));
        Assert.Equal(ChangeKind.Created, column.Kind);
        Assert.Equal((storedAsMissing, true), (column.After?.HasMissing, column.After?.HasDefault));
        Assert.Equal(!storedAsMissing, statement.Rewrites.Any(r => r is { Name: "public.t", What: "table" }));
    }

    [Fact]
    public async Task A_check_is_seen_validated_or_not_valid_and_its_later_validation_as_a_change()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, "CREATE TABLE t (id int, qty int);", """
            ALTER TABLE t ADD CONSTRAINT qty_positive CHECK (qty > 0);
            ALTER TABLE t ADD CONSTRAINT id_positive CHECK (id > 0) NOT VALID;
            ALTER TABLE t VALIDATE CONSTRAINT id_positive;
            """, inTransaction: false);

        var key = (string name) => new ObjectId(SchemaObjectKind.Constraint, $"public.t.{name}");
        var valid = Assert.Single(observed.Statements[0].Changes, c => c.Target == key("qty_positive"));
        Assert.Equal((ChangeKind.Created, true), (valid.Kind, valid.After?.Valid));
        Assert.Equal(["public.t"], observed.Statements[0].Scanned.Select(t => t.Name));
        var notValid = Assert.Single(observed.Statements[1].Changes, c => c.Target == key("id_positive"));
        Assert.Equal((ChangeKind.Created, false), (notValid.Kind, notValid.After?.Valid));
        Assert.Empty(observed.Statements[1].Scanned);
        var validated = Assert.Single(observed.Statements[2].Changes, c => c.Target == key("id_positive"));
        Assert.Equal((ChangeKind.Altered, false, true), (validated.Kind, validated.Before?.Valid, validated.After?.Valid));
        Assert.Equal(["public.t ShareUpdateExclusive"], observed.Statements[2].TakenOnExisting.Where(l => l.IsTable).Names());
    }

    [Fact]
    public async Task A_foreign_key_names_the_table_it_references_and_locks_both()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(
            db.ConnectionString,
            "CREATE TABLE customers (id int PRIMARY KEY); CREATE TABLE orders (id int, customer_id int);",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);");

        var statement = observed.Statements[0];
        var fk = Assert.Single(statement.Changes, c => c.Target == new ObjectId(SchemaObjectKind.Constraint, "public.orders.orders_customer_fk"));
        Assert.Equal(("f", true), (fk.After?.Kind, fk.After?.Valid));
        Assert.Equal(fk.After?.References, statement.TakenOnExisting.First(l => l.Name == "public.customers").Oid);
        Assert.Equal(
            ["public.customers ShareRowExclusive", "public.orders ShareRowExclusive"],
            statement.TakenOnExisting.Where(l => l.IsTable).GroupBy(l => l.Name).Select(g => g.MaxBy(l => l.Mode)!).Names());
    }
}
