using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate;
using DbGate.Core.Migrations;
using DbGate.Core.Results;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// <c>dotnet dbgate explain "SELECT …"</c>: applies every up (no downs: the plan is of where the migrations lead),
/// seeds as dbgate.yml says, and explains the one statement as a benchmark, judged by <c>benchmarks.defaults</c>
/// (with a rows-removed share of 0.9 and a misestimate of 10 where they set none, so the tree has something to mark).
/// </summary>
public static class ExplainRunner
{
    public static readonly SourceLocation CommandLine = new("(command line)");

    public static async Task<ExplainOutcome> RunAsync(GateOptions options, string sql, IReadOnlyList<string?> parameters, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var limits = options.Benchmarks.Defaults with
        {
            Runs = Math.Min(options.Benchmarks.Defaults.Runs, 3),
            MaxRowsRemovedRatio = options.Benchmarks.Defaults.MaxRowsRemovedRatio ?? 0.9,
            MaxMisestimate = options.Benchmarks.Defaults.MaxMisestimate ?? 10,
        };
        var query = Query(sql, parameters, limits);
        var set = MigrationDiscovery.Open(options.MigrationsPath, options.ProjectRoot, options.Format, options.FormatOptions);
        if (set.Preparation is { } preparation)
            set = await preparation.PrepareAsync(log, cancellationToken);
        var provider = await ProviderSelector.SelectAsync(options, cancellationToken);
        log($"starting PostgreSQL ({provider.Name}) for {set.Migrations.Count} migrations");
        await using var server = await provider.StartAsync(cancellationToken);
        // Never an existing database (no AllowExistingDatabase, unlike the gate's work options): explain seeds.
        await using var database = await WorkDatabase.CreateAsync(server, PrefixStart.WorkOptions(options) with { AllowExistingDatabase = false }, cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
            await ForwardRun.ApplyAllAsync(connection, database, set.Migrations, cancellationToken);
        var outcome = await BenchmarkStage.RunAsync(database, set, finalSchema: true, new BenchmarkOptions { Queries = [query], ParallelWorkers = options.Benchmarks.ParallelWorkers }, options.Seed, log, cancellationToken);
        if (outcome.Observed is not { } observed)
            throw new ConfigurationException(outcome.Notices is [var why, ..] ? why : "the query could not be explained");
        var (findings, run, _) = BenchmarkJudge.Judge(observed, server.Description, options.RuleLevels);
        var facts = observed.Queries[0];
        return new ExplainOutcome(server.Description, facts.Sets is [var first, ..] ? first.Median : null, limits, findings, run!);
    }

    /// <exception cref="ConfigurationException">Not exactly one statement.</exception>
    private static BenchmarkQuery Query(string sql, IReadOnlyList<string?> parameters, BenchmarkLimits limits)
    {
        IReadOnlyList<Sql.SqlStatement> statements;
        try
        {
            statements = Sql.SqlSplitter.Split(sql);
        }
        catch (Sql.SqlSyntaxException e)
        {
            throw new ConfigurationException($"explain: {e.Message}", e);
        }
        if (statements is not [{ Kind: Sql.SqlStatementKind.Sql } statement])
            throw new ConfigurationException($"explain: give one statement (got {statements.Count})");
        return new BenchmarkQuery("explain", statement.Text, [parameters], limits, CommandLine, CommandLine) { Statement = statement, ParametersGivenBy = "--param" };
    }
}

/// <summary>What <c>explain</c> found: the median run's plan (null when the statement could not run), and the findings.</summary>
public sealed record ExplainOutcome(string Server, ExplainedPlan? Plan, BenchmarkLimits Limits, IReadOnlyList<Finding> Findings, BenchmarkRun Run);
