using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>Same seed and schema, same rows: compared by checksum of every table, across two databases.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class DeterminismTests(PostgresFixture fixture)
{
    private static readonly string[] Tables = ["teams", "people", "memberships"];

    [Fact]
    public async Task The_same_seed_gives_identical_rows_in_every_table_of_two_databases()
    {
        var options = new SeedOptions { Seed = 42 }.Rows(("teams", 40), ("people", 300), ("memberships", 400));
        var (first, firstResult) = await fixture.SeedAsync(Schemas.Rich, options);
        var (second, secondResult) = await fixture.SeedAsync(Schemas.Rich, options);
        await using var _ = first;
        await using var __ = second;

        foreach (var table in Tables)
            Assert.Equal(await first.ChecksumAsync(table), await second.ChecksumAsync(table));
        Assert.Equal(firstResult.Fingerprint, secondResult.Fingerprint);
        Assert.Equal(740, firstResult.GeneratedRows);
        Assert.Equal(300L, await first.ScalarAsync<long>("SELECT count(DISTINCT uid) FROM people"));
    }

    [Fact]
    public async Task A_different_seed_gives_different_rows_in_every_table()
    {
        var options = new SeedOptions { Seed = 1 }.Rows(("teams", 40), ("people", 300), ("memberships", 400));
        var (first, firstResult) = await fixture.SeedAsync(Schemas.Rich, options);
        var (second, secondResult) = await fixture.SeedAsync(Schemas.Rich, options with { Seed = 2 });
        await using var _ = first;
        await using var __ = second;

        foreach (var table in Tables)
            Assert.NotEqual(await first.ChecksumAsync(table), await second.ChecksumAsync(table));
        Assert.NotEqual(firstResult.Fingerprint, secondResult.Fingerprint);
    }

    [Fact]
    public async Task Adding_a_column_leaves_the_values_of_the_other_columns_unchanged()
    {
        // Values are keyed by table, column and row, never drawn from one shared stream (Bogus' "ripple").
        const string schema = "CREATE TABLE notes (id int PRIMARY KEY, title text NOT NULL, score int CHECK (score BETWEEN 1 AND 5));";
        var options = new SeedOptions { Seed = 9 }.Rows(("notes", 500));
        var (before, _) = await fixture.SeedAsync(schema, options);
        var (after, _) = await fixture.SeedAsync(schema + "ALTER TABLE notes ADD COLUMN added_later date;", options);
        await using var ___ = before;
        await using var ____ = after;

        Assert.Equal(await before.ChecksumAsync("notes"), await after.ChecksumAsync("notes", "(t.id, t.title, t.score)::text"));
    }
}
