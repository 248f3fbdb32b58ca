using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>The --data check's rows come from the seed generator, so tables with CHECKs and keys get rows too.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class DataCheckTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Rows_that_satisfy_the_tables_checks_expose_a_down_that_loses_them()
    {
        // Samples that ignore the CHECKs would be refused, the table would stay empty and the lossy step pass unseen.
        using var folder = new TempFolder();
        folder.Write("1_orders.up.sql", "CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL CHECK (status IN ('pending', 'paid')), total numeric(10,2) NOT NULL);");
        folder.Write("1_orders.down.sql", "DROP TABLE orders;");
        folder.Write("2_whole_totals.up.sql", "ALTER TABLE orders ALTER COLUMN total TYPE integer USING round(total);");
        folder.Write("2_whole_totals.down.sql", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);");

        var result = await GateHarness.RunAsync(fixture, folder.Path, o => o with { CheckData = true });

        Assert.Equal(["DBG007 2_whole_totals"], result.Verdicts());
    }

    [Fact]
    public async Task A_table_the_generator_cannot_fill_stays_empty_and_the_others_are_still_checked()
    {
        using var folder = new TempFolder();
        folder.Write("1_tables.up.sql", "CREATE TABLE shapes (id int PRIMARY KEY, centre point NOT NULL); CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,2) NOT NULL);");
        folder.Write("1_tables.down.sql", "DROP TABLE shapes, prices;");
        folder.Write("2_round.up.sql", "ALTER TABLE prices ALTER COLUMN amount TYPE integer USING round(amount);");
        folder.Write("2_round.down.sql", "ALTER TABLE prices ALTER COLUMN amount TYPE numeric(10,2);");

        var result = await GateHarness.RunAsync(fixture, folder.Path, o => o with { CheckData = true });

        Assert.Equal(["DBG007 2_round"], result.Verdicts());
        Assert.Contains("table public.prices", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }
}
