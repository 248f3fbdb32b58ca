using System.Globalization;
using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Seeding.Catalog;
using Npgsql;

namespace DbGate.Core.Benchmarks;

/// <summary>
/// A connection set up so that plans repeat: JIT off (its cost model adds compile time that varies), a fixed number
/// of parallel workers (the default depends on the machine's cores), and a custom plan for every execution (a
/// generic plan would ignore the parameter values). Every EXPLAIN ANALYZE runs in a transaction that is rolled back,
/// so an UPDATE or DELETE benchmarked leaves the seeded rows as they were for the next run.
/// </summary>
internal sealed class ExplainSession(NpgsqlConnection connection) : IAsyncDisposable
{
    /// <summary>Settings that decide plans, reported with every run so a reader can repeat it.</summary>
    private static readonly string[] Reported =
    [
        "jit", "max_parallel_workers_per_gather", "plan_cache_mode", "work_mem", "random_page_cost", "seq_page_cost",
        "effective_cache_size", "default_statistics_target", "shared_buffers",
    ];

    private readonly Dictionary<string, (bool Exists, string? Closest)> _exists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _columns = new(StringComparer.Ordinal);
    private string[]? _tableNames;
    private int _prepared;

    public static async Task<ExplainSession> OpenAsync(NpgsqlConnection connection, int parallelWorkers, CancellationToken cancellationToken)
    {
        // One statement, as the executor sends it: the three SETs, for the session.
        await ScriptExecutor.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
            $"SELECT set_config('jit', 'off', false), set_config('max_parallel_workers_per_gather', '{parallelWorkers}', false), set_config('plan_cache_mode', 'force_custom_plan', false)"), cancellationToken);
        return new ExplainSession(connection);
    }

    public async Task<IReadOnlyList<BenchmarkSetting>> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT name, current_setting(name) FROM unnest($1::text[]) AS name", connection) { Parameters = { new() { Value = Reported } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var settings = new List<BenchmarkSetting>();
        while (await reader.ReadAsync(cancellationToken))
            settings.Add(new BenchmarkSetting(reader.GetString(0), reader.GetString(1)));
        return settings;
    }

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>PREPAREs the statement, which parses it and resolves every name; returns its name and parameter types.</summary>
    /// <exception cref="PostgresException">It does not parse, or names what does not exist; positions count from the statement's start.</exception>
    public async Task<PreparedQuery> PrepareAsync(string sql, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"dbgate_benchmark_{++_prepared}");
        var prefix = $"PREPARE {name} AS ";
        try
        {
            await ScriptExecutor.ExecuteAsync(connection, prefix + sql, cancellationToken);
        }
        catch (PostgresException e) when (e.Position > prefix.Length)
        {
            throw new PostgresException(e.MessageText, e.Severity, e.InvariantSeverity, e.SqlState, e.Detail, e.Hint, e.Position - prefix.Length);
        }
        await using var command = new NpgsqlCommand("SELECT parameter_types::text[] FROM pg_prepared_statements WHERE name = $1", connection) { Parameters = { new() { Value = name } } };
        var types = (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
        return new PreparedQuery(name, types);
    }

    /// <summary>One EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) of the prepared statement with these values.</summary>
    public async Task<ExplainedPlan> ExplainAsync(PreparedQuery query, IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await ExplainInAsync(query, values, transaction, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return plan;
    }

    private async Task<ExplainedPlan> ExplainInAsync(PreparedQuery query, IReadOnlyList<string?> values, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var arguments = values.Count == 0 ? "" : $"({string.Join(", ", values.Select(Literal))})";
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) EXECUTE {query.Name}{arguments}", connection, transaction);
        return ExplainedPlan.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>Whether <paramref name="table"/> (table or schema.table) exists, and otherwise the closest table name.</summary>
    /// <remarks>The schema does not change while benchmarks run (each runs in a transaction rolled back): answers are kept.</remarks>
    public async Task<(bool Exists, string? Closest)> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        if (_exists.TryGetValue(table, out var known))
            return known;
        await using var command = new NpgsqlCommand(
            """
            SELECT to_regclass($1) IS NOT NULL,
                   CASE WHEN $2 THEN ARRAY(SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%') END
            """, connection) { Parameters = { new() { Value = table }, new() { Value = _tableNames is null } } };
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            _tableNames ??= reader.GetFieldValue<string[]>(1);
            if (reader.GetBoolean(0))
                return _exists[table] = (true, null);
        }
        var name = table[(table.LastIndexOf('.') + 1)..];
        return _exists[table] = (false, Configuration.EditDistance.Closest(name, _tableNames));
    }

    /// <summary>The columns of each table (schema.table), for reading the plan's conditions; each table is asked about once per session.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ColumnsAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var missing = tables.Where(t => !_columns.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT t.name, a.attname::text FROM unnest($1::text[]) AS t(name)
                JOIN pg_attribute a ON a.attrelid = to_regclass(t.name) AND a.attnum > 0 AND NOT a.attisdropped
                """, connection) { Parameters = { new() { Value = missing.Select(Regclass).ToArray() } } };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var names = missing.ToDictionary(Regclass, t => t, StringComparer.Ordinal);
            var found = missing.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
                found[names[reader.GetString(0)]].Add(reader.GetString(1));
            foreach (var (table, columns) in found)
                _columns[table] = columns;
        }
        return tables.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => _columns[t], StringComparer.Ordinal);

        static string Regclass(string table) => string.Join('.', table.Split('.').Select(SqlNames.Quote));
    }

    /// <summary>Each identifier as PostgreSQL's quote_ident writes it: bare when it may be, quoted when it must.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QuoteAsync(IEnumerable<string> identifiers, CancellationToken cancellationToken)
    {
        var distinct = identifiers.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand("SELECT n, quote_ident(n) FROM unnest($1::text[]) AS n", connection) { Parameters = { new() { Value = distinct } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var quoted = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            quoted[reader.GetString(0)] = reader.GetString(1);
        return quoted;
    }

    /// <summary>
    /// Creates the index in a transaction, explains every parameter set with it (each in a savepoint rolled back),
    /// reads its size, and rolls everything back; null when PostgreSQL refuses to build it.
    /// </summary>
    public async Task<(IReadOnlyList<ExplainedPlan> Plans, long SizeBytes)?> TryIndexAsync(
        string create, string index, PreparedQuery query, IReadOnlyList<IReadOnlyList<string?>> sets, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var build = new NpgsqlCommand(create, connection, transaction))
                await build.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        var plans = new List<ExplainedPlan>();
        foreach (var values in sets)
        {
            await transaction.SaveAsync("dbgate_run", cancellationToken);
            plans.Add(await ExplainInAsync(query, values, transaction, cancellationToken));
            await transaction.RollbackAsync("dbgate_run", cancellationToken);
        }
        await using var size = new NpgsqlCommand("SELECT pg_relation_size($1::regclass)", connection, transaction) { Parameters = { new() { Value = index } } };
        var bytes = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        await transaction.RollbackAsync(cancellationToken);
        return (plans, bytes);
    }

    public async Task DeallocateAsync(PreparedQuery query, CancellationToken cancellationToken) =>
        await ScriptExecutor.ExecuteAsync(connection, $"DEALLOCATE {query.Name}", cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>An untyped literal, which EXECUTE casts to the parameter's type as PostgreSQL would cast a bound value.</summary>
    private static string Literal(string? value) => value is null ? "NULL" : SqlNames.Literal(value);
}

/// <param name="ParameterTypes">As PostgreSQL resolved them, such as integer; their count is the number of $n the statement takes.</param>
internal sealed record PreparedQuery(string Name, IReadOnlyList<string> ParameterTypes);
