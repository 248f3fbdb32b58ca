namespace DbGate.Core.Observation;

/// <summary>The observation statements, embedded from Sql/*.sql.</summary>
internal static class ObservationSql
{
    public const string PreparedName = "dbgate_observe";

    public static string Baseline { get; } = Load("baseline");

    public const string OutsideName = "dbgate_observe_outside";

    private const string LockedOnly = " AND x.oid IN (SELECT oid FROM locked)";

    private static readonly string Counts = Load("counts");

    private static readonly string Statement = Load("statement").Replace("{counts}", Counts, StringComparison.Ordinal);

    /// <summary>Prepared once per connection: a statement without parameters gets one generic plan, planned once.</summary>
    public static string Prepare { get; } = $"PREPARE {PreparedName} AS {Statement}";

    /// <summary>The same for a statement that ran outside a transaction block: its relations are found by xmin alone.</summary>
    public static string PrepareOutside { get; } = $"PREPARE {OutsideName} AS {Statement.Replace(LockedOnly, "", StringComparison.Ordinal)}";

    public static string Execute => $"EXECUTE {PreparedName}";

    public static string ExecuteOutside => $"EXECUTE {OutsideName}";

    public const string BeforeName = "dbgate_before";

    /// <summary>
    /// Prepared once per connection, executed right before each statement: stores the catalog write counts (none when
    /// $4, so that statement.sql reads every catalog: after a statement that ran outside a transaction block, the
    /// counts of this new transaction say nothing) and the command id bound for statement.sql, and returns the
    /// settings in effect, the clock and the scan counts of the given tables.
    /// $1 = command id bound, $2 = first transaction id for a statement outside a transaction block (''),
    /// $3 = oids of the pre-existing tables, $4 = read every catalog.
    /// </summary>
    public static string PrepareBefore { get; } =
        $"PREPARE {BeforeName}(pg_catalog.text, pg_catalog.text, pg_catalog.int8[], pg_catalog.bool) AS "
        + "SELECT pg_catalog.set_config('dbgate.after_cid', $1, true) AS dbgate_before, "
        + "pg_catalog.set_config('dbgate.first_xid', $2, true), "
        + $"pg_catalog.set_config('dbgate.before', CASE WHEN $4 THEN '' ELSE ({Counts})::pg_catalog.text END, true), "
        + "pg_catalog.current_setting('lock_timeout'), pg_catalog.current_setting('statement_timeout'), pg_catalog.current_setting('TimeZone'), "
        + "extract(epoch FROM pg_catalog.clock_timestamp())::pg_catalog.float8, "
        + "(SELECT pg_catalog.array_agg(pg_catalog.pg_stat_get_xact_numscans(t::pg_catalog.oid)) FROM pg_catalog.unnest($3) t)";

    /// <summary>The next transaction id: rows a statement run outside a transaction block writes have an xmin from here on.</summary>
    public const string NextTransactionId = "SELECT pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text";

    private static string Load(string name)
    {
        var resource = $"observation/{name}.sql";
        using var stream = typeof(ObservationSql).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        // Comment lines go: the statements are sent often and comments are dead weight on the wire.
        return string.Join('\n', reader.ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim().TrimEnd(';');
    }
}
