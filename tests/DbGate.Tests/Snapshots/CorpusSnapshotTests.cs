using System.Diagnostics;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DbGate.Tests.Snapshots;

[Collection(PostgresServerGroup.Name)]
public sealed class CorpusSnapshotTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private const int TimedReads = 50;

    [Fact]
    public async Task The_crates_io_schema_gives_a_rich_snapshot_that_reads_the_same_twice()
    {
        // Given every up.sql of the crates.io corpus applied
        await using var database = await fixture.CreateDatabaseAsync();
        var applied = await CorpusMigrations.ApplyAllUpAsync(database, CorpusMigrations.CratesIoDirectory);

        // When the schema is read twice on one connection
        await using var connection = await database.OpenAsync();
        var first = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        var second = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);

        // Then it is far from trivial, the history table and extension objects are absent, and both reads agree
        Assert.True(first.Tables.Count >= 30, $"{first.Tables.Count} tables");
        Assert.True(first.Indexes.Count >= 20 && first.Constraints.Count >= 50 && first.Routines.Count >= 20);
        Assert.True(first.Triggers.Count >= 10 && first.Sequences.Count >= 10 && first.Views.Count >= 1);
        Assert.Contains(first.Extensions, e => e.Name == "pg_trgm");
        Assert.DoesNotContain(first.Routines, r => r.Name == "similarity");
        Assert.DoesNotContain(first.Tables, t => t.Name == "__diesel_schema_migrations");
        Assert.Empty(SchemaDiff.Compare(first, second));
        Assert.Equal(first, second);
        Assert.True(SnapshotDigest.ReadFromSameDocument(first, second));

        await ReportTimingAsync(connection, applied, first);
    }

    // A measurement for the record, not an assertion: timings on a shared CI machine are noise-prone.
    private async Task ReportTimingAsync(Npgsql.NpgsqlConnection connection, int applied, SchemaSnapshot snapshot)
    {
        var reads = new List<double>(TimedReads);
        var compares = new List<double>(TimedReads);
        for (var i = 0; i < TimedReads; i++)
        {
            var clock = Stopwatch.StartNew();
            var read = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
            reads.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            Assert.Empty(SchemaDiff.Compare(snapshot, read));
            compares.Add(clock.Elapsed.TotalMilliseconds);
        }
        output.WriteLine(
            $"crates.io: {applied} migrations, {snapshot.Tables.Count} tables, {snapshot.Indexes.Count} indexes, "
            + $"{snapshot.Constraints.Count} constraints, {snapshot.Routines.Count} routines, {snapshot.Triggers.Count} triggers");
        output.WriteLine($"snapshot read: median {Median(reads):F1} ms, min {reads.Min():F1} ms, max {reads.Max():F1} ms over {TimedReads}");
        output.WriteLine($"compare of equal snapshots: median {Median(compares):F2} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
