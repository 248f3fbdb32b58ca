using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>The team's own seed files run first; what they fill is not generated again.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SeedSqlTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_table_seed_sql_fills_is_not_generated_and_its_children_reference_its_rows()
    {
        using var folder = new TempFolder();
        folder.Write("seeds/reference.sql", "INSERT INTO customers (id, email) VALUES (17, 'a@example.com'), (4000, 'b@example.com');\n");
        var options = await folder.OptionsAsync("seed:\n  rows: { customers: 500, orders: 300 }\n  sql: [seeds/reference.sql]\n");
        var (database, result) = await fixture.SeedAsync(Schemas.Shop, options);
        await using var _ = database;

        Assert.Equal([17L, 4000L], await database.ColumnAsync<long>("SELECT id FROM customers ORDER BY id"));
        Assert.Equal([17L, 4000L], await database.ColumnAsync<long>("SELECT DISTINCT customer_id FROM orders ORDER BY 1"));
        Assert.Contains(result.Tables, t => t is { Name: "customers", Source: SeedSource.Existing, Rows: 2 });
        Assert.Contains(result.Warnings, w => w.StartsWith("customers: already has rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_seed_file_is_a_configuration_error_at_its_line_and_column()
    {
        using var folder = new TempFolder();
        folder.Write("seeds/reference.sql", "INSERT INTO customers (id, email) VALUES (1, 'a@example.com');\nINSERT INTO customers (id, emial) VALUES (2, 'b');\n");
        var options = await folder.OptionsAsync("seed:\n  sql: [seeds/reference.sql]\n");

        var message = await fixture.SeedErrorAsync(Schemas.Shop, options);

        Assert.Equal("seeds/reference.sql:2:28: seed.sql seeds/reference.sql failed: column \"emial\" of relation \"customers\" does not exist", message);
    }
}
