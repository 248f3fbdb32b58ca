using System.Globalization;
using DbGate.Core.Benchmarks;
using DbGate.Core.Results;
using DbGate.Core.Sql;

namespace DbGate.Core.Configuration;

/// <summary>
/// Turns dbgate.yml's <c>benchmarks:</c> section into <see cref="BenchmarkOptions"/>, rejecting what is wrong whatever
/// the schema: a query without a name or SQL, two with one name, several statements, a threshold out of range, an
/// unknown plan node type. What needs the schema (a table that does not exist, a parameter count) is checked when
/// the benchmarks run, and reported there as a finding at the query.
/// </summary>
internal static class BenchmarkOptionsResolver
{
    public const string DefaultBaseline = "dbgate.benchmarks.json";

    public static async Task<BenchmarkOptions> ResolveAsync(
        BenchmarksSection? section, YamlLocations locations, string configPath, string projectRoot, CancellationToken cancellationToken)
    {
        // Only where the path is: the file is read (and, when named here, required) by the run that judges against it,
        // so the first --update-baseline can write it and a broken one never blocks explain or docs.
        var baselinePath = Path.GetFullPath(section?.Baseline ?? DefaultBaseline, Path.GetDirectoryName(configPath)!);
        var baseline = new BenchmarkBaselineSetting(
            baselinePath, Migrations.ProjectPaths.Relative(projectRoot, baselinePath),
            section?.Baseline is null ? null : locations.Of("benchmarks", "baseline")?.ToString() ?? "benchmarks");
        if (section is null)
            return BenchmarkOptions.None with { BaselineFile = baseline };
        var file = Migrations.ProjectPaths.Relative(projectRoot, configPath);
        SourceLocation? At(params string[] path) => locations.Of(["benchmarks", .. path]) is { } at ? new SourceLocation(file, at.Line, at.Column) : null;
        ConfigurationException Error(string[] path, string message) => LocatedError.At(locations.Of(["benchmarks", .. path]), message);

        var defaults = section.Defaults ?? new BenchmarkDefaultsSection();
        var inherited = Limits(BenchmarkLimits.Default, defaults.Runs, defaults.Warmup, defaults.MaxTimeMs, defaults.MaxCost, defaults.MaxBuffers,
            defaults.MaxRowsRemovedRatio, defaults.MaxMisestimate, (key, message) => Error(["defaults", key], $"benchmarks.defaults.{key}: {message}"));
        inherited = inherited with { Forbid = Forbid(defaults.Forbid, i => ["defaults", "forbid", i], "benchmarks.defaults.forbid", At, Error) };
        if (section.ParallelWorkers is < 0 or > 64)
            throw Error(["parallel_workers"], $"benchmarks.parallel_workers: must be between 0 and 64 (got {section.ParallelWorkers})");

        var queries = new List<BenchmarkQuery>();
        var entries = section.Queries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var entry = entries[i] ?? new BenchmarkQuerySection();
            var subject = entry.Name is { Length: > 0 } n ? $"benchmark {n}" : $"benchmarks.queries[{index}]";
            ConfigurationException QueryError(string? key, string message) => Error(key is null ? ["queries", index] : ["queries", index, key], $"{subject}: {message}");
            if (string.IsNullOrWhiteSpace(entry.Name))
                throw QueryError(null, "give the query a name, such as name: orders-of-customer");
            if (queries.Any(q => q.Name == entry.Name))
                throw QueryError("name", $"the name {entry.Name} is used by an earlier query; names must be unique");
            var limits = Limits(inherited, entry.Runs, entry.Warmup, entry.MaxTimeMs, entry.MaxCost, entry.MaxBuffers, entry.MaxRowsRemovedRatio, entry.MaxMisestimate, QueryError);
            if (entry.Forbid is not null)
                limits = limits with { Forbid = Forbid(entry.Forbid, j => ["queries", index, "forbid", j], $"{subject}: forbid", At, Error) };
            var (sql, statement, sqlFile, sqlAt) = await StatementAsync(entry, subject, index, configPath, projectRoot, At, QueryError, cancellationToken);
            var sets = entry.Params is { Count: > 0 } p ? p.Select(set => (IReadOnlyList<string?>)(set ?? [])).ToList() : [[]];
            var setLocations = Enumerable.Range(0, entry.Params?.Count ?? 0)
                .Select(j => At("queries", index, "params", j.ToString(CultureInfo.InvariantCulture)) ?? At("queries", index)!).ToList();
            queries.Add(new BenchmarkQuery(entry.Name, sql, sets, limits, At("queries", index)!, sqlAt)
            {
                File = sqlFile,
                Statement = statement,
                InlinePlaces = sqlFile is null ? locations.PlacesOf("benchmarks", "queries", index, "sql") : null,
                ParameterLocations = setLocations,
            });
        }
        if (section.Tolerance is { } tolerance && !(tolerance >= 0 && tolerance <= 1000))
            throw Error(["tolerance"], $"benchmarks.tolerance: must be a percentage between 0 and 1000 (got {Number(tolerance)})");
        return new BenchmarkOptions
        {
            Queries = queries,
            ParallelWorkers = section.ParallelWorkers ?? 0,
            Defaults = inherited,
            BaselineFile = baseline,
            Tolerance = (section.Tolerance ?? 20) / 100,
        };
    }

    private static BenchmarkLimits Limits(
        BenchmarkLimits over, int? runs, int? warmup, double? maxTimeMs, double? maxCost, long? maxBuffers, double? removed, double? misestimate,
        Func<string, string, ConfigurationException> error)
    {
        if (runs is < 1 or > 1000)
            throw error("runs", $"must be between 1 and 1000 (got {runs})");
        if (warmup is < 0 or > 1000)
            throw error("warmup", $"must be between 0 and 1000 (got {warmup})");
        Positive(maxTimeMs, "max_time_ms");
        Positive(maxCost, "max_cost");
        if (maxBuffers is < 0)
            throw error("max_buffers", $"must be 0 or more (got {maxBuffers})");
        if (removed is { } r && !(r >= 0 && r <= 1))
            throw error("max_rows_removed_ratio", $"must be between 0 and 1, the share of the rows a node reads that its filter may remove (got {Number(r)})");
        if (misestimate is { } m && !(m >= 1 && double.IsFinite(m)))
            throw error("max_misestimate", $"must be 1 or more, a factor between estimated and actual rows (got {Number(m)})");
        return over with
        {
            Runs = runs ?? over.Runs,
            Warmup = warmup ?? over.Warmup,
            MaxTimeMs = maxTimeMs ?? over.MaxTimeMs,
            MaxCost = maxCost ?? over.MaxCost,
            MaxBuffers = maxBuffers ?? over.MaxBuffers,
            MaxRowsRemovedRatio = removed ?? over.MaxRowsRemovedRatio,
            MaxMisestimate = misestimate ?? over.MaxMisestimate,
        };

        void Positive(double? value, string key)
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
                throw error(key, $"must be above 0 (got {Number(v)})");
        }
    }

    private static List<ForbiddenNode> Forbid(
        List<string>? entries, Func<string, string[]> path, string subject, Func<string[], SourceLocation?> at, Func<string[], string, ConfigurationException> error)
    {
        var nodes = new List<ForbiddenNode>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var key = path(i.ToString(CultureInfo.InvariantCulture));
            try
            {
                nodes.Add(ForbiddenNode.Parse(entries![i] ?? "", at(key)));
            }
            catch (ConfigurationException e)
            {
                throw error(key, $"{subject}: {e.Message}");
            }
        }
        return nodes;
    }

    private static async Task<(string Sql, SqlStatement Statement, string? File, SourceLocation At)> StatementAsync(
        BenchmarkQuerySection entry, string subject, string index, string configPath, string projectRoot,
        Func<string[], SourceLocation?> at, Func<string?, string, ConfigurationException> error, CancellationToken cancellationToken)
    {
        if ((entry.Sql is null) == (entry.File is null))
            throw error(null, entry.Sql is null ? "give the statement as sql: SELECT … or file: queries/name.sql" : "give sql or file, not both");
        string text;
        string? relative = null;
        if (entry.File is { } file)
        {
            var full = Path.GetFullPath(file, Path.GetDirectoryName(configPath)!);
            if (!File.Exists(full))
                throw error("file", $"file not found: {file}");
            Migrations.ScriptFiles.Check(projectRoot, full, [projectRoot]);
            relative = Migrations.ProjectPaths.Relative(projectRoot, full);
            text = await File.ReadAllTextAsync(full, cancellationToken);
        }
        else
        {
            text = entry.Sql!;
        }
        IReadOnlyList<SqlStatement> statements;
        try
        {
            statements = SqlSplitter.Split(text);
        }
        catch (SqlSyntaxException e)
        {
            throw error(relative is null ? "sql" : "file", e.Message);
        }
        var sqlStatements = statements.Where(s => s.Kind == SqlStatementKind.Sql).ToList();
        if (sqlStatements.Count != 1 || statements.Count != 1)
            throw error(relative is null ? "sql" : "file", sqlStatements.Count == 0 ? "holds no statement" : $"holds {statements.Count} statements; a benchmark is one statement");
        var statement = sqlStatements[0];
        var location = relative is null
            ? at(["queries", index, "sql"])!
            : new SourceLocation(relative, statement.Line, statement.Column);
        return (statement.Text, statement, relative, location);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
