using System.Diagnostics;
using System.Globalization;
using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Core.Seeding;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// The benchmarks' part of a run, after the last step, on the final schema: seed it (the seeder ANALYZEs), VACUUM
/// what has rows, fix the settings that decide plans, then EXPLAIN ANALYZE every query and parameter set. It runs as the
/// role the migrations ran as, and only in a database DbGate created: seeding writes rows.
/// </summary>
internal static class BenchmarkStage
{
    /// <param name="finalSchema">False when an up failed: the schema is not the one the queries are written for.</param>
    /// <param name="changes">What each migration of the run changed, to blame a plan change on one; null when not recorded.</param>
    public static async Task<BenchmarkOutcome> RunAsync(
        WorkDatabase database, MigrationSet set, bool finalSchema, BenchmarkOptions benchmarks, SeedOptions seed, Action<string> log, CancellationToken cancellationToken,
        TableChanges? changes = null)
    {
        if (benchmarks.Queries.Count == 0)
            return BenchmarkOutcome.None;
        if (!database.CreatedByDbGate)
            return BenchmarkOutcome.Skipped($"benchmarks not run: DbGate works in the existing database {database.Name}, where it never seeds");
        if (!finalSchema)
            return BenchmarkOutcome.Skipped("benchmarks not run: an up failed, so the schema is not the one the queries are written for");

        var clock = Stopwatch.StartNew();
        var connection = await database.OpenAsync(cancellationToken);
        await using var session = await ExplainSession.OpenAsync(connection, benchmarks.ParallelWorkers, cancellationToken);
        // The step loop read the final schema after the last up; only explain, which has no step loop, reads it here.
        var schema = changes?.Final ?? SnapshotDigest.Fingerprint(await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default.For(set.History), cancellationToken)) ?? "";
        var seeded = await Seeder.SeedAsync(connection, seed with { History = set.History }, cancellationToken);
        var statistics = await GatherStatisticsAsync(connection, seeded, cancellationToken);
        log(string.Create(CultureInfo.InvariantCulture,
            $"seeded {seeded.Tables.Sum(t => t.Rows)} rows in {seeded.Tables.Count} tables (seed {seeded.Seed}, dataset {seeded.Fingerprint}) and {statistics} in {clock.Elapsed.TotalSeconds:0.00} s"));

        var queries = new List<QueryFacts>();
        foreach (var query in benchmarks.Queries)
        {
            var facts = await QueryRunner.RunAsync(session, query, cancellationToken);
            queries.Add(facts);
            log(Line(facts));
        }
        var dataset = new BenchmarkDataset(seeded.Seed, seeded.Fingerprint, seeded.Tables.Sum(t => t.Rows), seeded.Tables.Count, statistics);
        var version = await session.ServerVersionAsync(cancellationToken);
        return new BenchmarkOutcome(
            new BenchmarkObservation(version, await session.SettingsAsync(cancellationToken), dataset, queries)
            {
                Schema = schema,
                Contract = Baseline.DatasetContract.Of(seed, version),
                Changes = changes ?? new TableChanges(),
            }, []);
    }

    /// <summary>
    /// The seeder has ANALYZEd every table it filled or found filled; a VACUUM sets the visibility map of those it could
    /// not load frozen (small ones, and those a foreign key references), without which an index-only scan visits the
    /// heap for every row and its cost depends on when autovacuum last came by.
    /// </summary>
    private static async Task<string> GatherStatisticsAsync(NpgsqlConnection connection, SeedResult seeded, CancellationToken cancellationToken)
    {
        var tables = seeded.Tables.Where(t => t.Rows > 0).Select(t => SqlNames.Qualified(t.Schema, t.Name)).ToList();
        if (tables.Count == 0)
            return "no rows to analyze";
        await using var command = new NpgsqlCommand($"VACUUM {string.Join(", ", tables)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"ANALYZE and VACUUM of {tables.Count} tables");
    }

    private static string Line(QueryFacts facts) =>
        facts.Failure is { } failure
            ? $"benchmark {facts.Query.Name}: {failure.Message}"
            : string.Join("; ", facts.Sets.Select(s => s.Median is { } plan
                ? string.Create(CultureInfo.InvariantCulture, $"benchmark {facts.Describe(s)}: {plan.TimeMs:0.###} ms, cost {plan.Root.TotalCost:0.##}, {plan.Root.Buffers} buffers")
                : $"benchmark {facts.Describe(s)}: {s.Failure?.Message}"));
}

/// <summary>What the benchmarks of one run saw, or why they did not run.</summary>
internal sealed record BenchmarkOutcome(BenchmarkObservation? Observed, IReadOnlyList<string> Notices)
{
    public static BenchmarkOutcome None { get; } = new(null, []);

    public static BenchmarkOutcome Skipped(string why) => new(null, [why]);
}

internal sealed record BenchmarkObservation(string ServerVersion, IReadOnlyList<BenchmarkSetting> Settings, BenchmarkDataset Dataset, IReadOnlyList<QueryFacts> Queries)
{
    /// <summary>The final schema's fingerprint, before seeding.</summary>
    public string Schema { get; init; } = "";

    /// <summary>What a baseline must share to be compared with (see <see cref="Baseline.DatasetContract"/>).</summary>
    public string Contract { get; init; } = "";

    public TableChanges Changes { get; init; } = new();
}
