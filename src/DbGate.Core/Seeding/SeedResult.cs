namespace DbGate.Core.Seeding;

/// <summary>What seeding did, table by table.</summary>
/// <param name="Fingerprint">
/// Identifies the dataset: the generator version, the seed and the plan (tables, row counts, how each column is
/// filled). The same fingerprint on the same schema means the same rows, so a benchmark baseline can record it.
/// </param>
/// <param name="Warnings">Columns DbGate could not fill as asked (left NULL, left to their default), said in one line each.</param>
public sealed record SeedResult(
    long Seed,
    IReadOnlyList<SeededTable> Tables,
    IReadOnlyList<string> Warnings,
    string Fingerprint,
    TimeSpan ScriptsElapsed,
    TimeSpan LoadElapsed,
    TimeSpan AnalyzeElapsed,
    TimeSpan Elapsed)
{
    public long GeneratedRows => Tables.Where(t => t.Source == SeedSource.Generated).Sum(t => t.Rows);
}

/// <param name="Rows">Rows the seeder put in (for generated tables), or found there (for tables already filled).</param>
public sealed record SeededTable(string Schema, string Name, long Rows, SeedSource Source, TimeSpan Elapsed);

public enum SeedSource
{
    /// <summary>Rows generated from the schema and dbgate.yml.</summary>
    Generated,

    /// <summary>The table had rows already (from the migrations or seed.sql), so none were generated.</summary>
    Existing,

    /// <summary>dbgate.yml asked for 0 rows.</summary>
    Empty,
}
