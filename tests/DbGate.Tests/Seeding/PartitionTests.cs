using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>Rows of a partitioned table go through it, each into a partition that exists.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PartitionTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Rows_fall_within_the_range_and_list_partitions_there_are()
    {
        const string schema = """
            CREATE TABLE events (id bigint, at date NOT NULL, kind text NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_2024_01 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
            CREATE TABLE events_2024_02 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
            CREATE TABLE regions (id int, zone text NOT NULL) PARTITION BY LIST (zone);
            CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('eu-west', 'eu-north');
            CREATE TABLE regions_us PARTITION OF regions FOR VALUES IN ('us-east');
            """;
        var (database, result) = await fixture.SeedAsync(schema, new SeedOptions().Rows(("events", 3000), ("regions", 300)));
        await using var _ = database;

        Assert.Equal(["events", "regions"], result.Tables.Where(t => t.Source == SeedSource.Generated).Select(t => t.Name));
        Assert.Equal("2024-01-01 2024-02-29", await database.ScalarAsync<string>("SELECT min(at) || ' ' || max(at) FROM events"));
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM events_2024_02") > 1000);
        Assert.Equal(["eu-north", "eu-west", "us-east"], await database.ColumnAsync<string>("SELECT DISTINCT zone FROM regions ORDER BY 1"));
    }

    [Fact]
    public async Task A_partition_named_in_rows_is_an_error_pointing_at_its_parent()
    {
        const string schema = "CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at); CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');";

        var message = await fixture.SeedErrorAsync(schema, new SeedOptions().Rows(("events_2024", 10)));

        Assert.Equal("seed.rows.events_2024: 'events_2024' is a partition: rows are seeded through its partitioned table", message);
    }
}
