using DbGate.Core.Results;

namespace DbGate.Core.Benchmarks;

/// <summary>dbgate.yml's <c>benchmarks:</c> section, resolved: every query's SQL read, thresholds inherited, places kept.</summary>
public sealed record BenchmarkOptions
{
    public static BenchmarkOptions None { get; } = new();

    public IReadOnlyList<BenchmarkQuery> Queries { get; init; } = [];

    /// <summary>max_parallel_workers_per_gather for every run.</summary>
    public int ParallelWorkers { get; init; }

    /// <summary>Where the benchmark baseline is (or would be written); null without dbgate.yml.</summary>
    public BenchmarkBaselineSetting? BaselineFile { get; init; }

    /// <summary>Where the benchmark baseline is (or would be written), absolute; null without dbgate.yml.</summary>
    public string? BaselinePath => BaselineFile?.Path;

    /// <summary>The baseline as read by the run that judges against it (<see cref="Baseline.BaselineLoader"/>); null before, or without a file.</summary>
    public Baseline.BenchmarkBaseline? Baseline { get; init; }

    /// <summary>False for <c>--update-baseline</c>: the baseline about to be replaced must not judge (nor, broken, stop) the run that replaces it.</summary>
    public bool CompareWithBaseline { get; init; } = true;

    /// <summary>How much worse than the baseline cost or buffers may get: 0.2 for 20 %.</summary>
    public double Tolerance { get; init; } = 0.2;

    /// <summary><c>benchmarks.defaults</c>: what a query inherits, and what <c>dotnet dbgate explain</c> judges by.</summary>
    public BenchmarkLimits Defaults { get; init; } = BenchmarkLimits.Default;
}

/// <param name="Path">Absolute.</param>
/// <param name="Shown">Relative to the project root, for messages.</param>
/// <param name="RequiredAt">Where dbgate.yml names it (<c>benchmarks.baseline:</c>), which makes the file required; null for the default name, read only when present.</param>
public sealed record BenchmarkBaselineSetting(string Path, string Shown, string? RequiredAt);

/// <param name="Name">As written under <c>name:</c>; unique.</param>
/// <param name="Sql">One statement, without a trailing semicolon.</param>
/// <param name="ParameterSets">One list of values (text, or null) per benchmark; one empty set when none are given.</param>
/// <param name="Location">The query's <c>- name:</c> entry in dbgate.yml, where its findings are shown.</param>
/// <param name="SqlLocation">Where the statement's first character is: in its file, or at the <c>sql:</c> value.</param>
public sealed record BenchmarkQuery(
    string Name,
    string Sql,
    IReadOnlyList<IReadOnlyList<string?>> ParameterSets,
    BenchmarkLimits Limits,
    SourceLocation Location,
    SourceLocation SqlLocation)
{
    /// <summary>The file the statement came from (relative to the project root), or null for inline SQL.</summary>
    public string? File { get; init; }

    /// <summary>The statement as the splitter found it, to map a position PostgreSQL reports back to its file.</summary>
    public Sql.SqlStatement? Statement { get; init; }

    /// <summary>For SQL written inline in dbgate.yml, where each character of the <c>sql:</c> value is, in <see cref="SqlLocation"/>'s file.</summary>
    public Configuration.YamlValuePlaces? InlinePlaces { get; init; }

    /// <summary>What gives the values in messages, such as --param; null for dbgate.yml's params[i].</summary>
    public string? ParametersGivenBy { get; init; }

    /// <summary>Where each parameter set is written, by index, for a count that does not match.</summary>
    public IReadOnlyList<SourceLocation> ParameterLocations { get; init; } = [];
}

/// <summary>What one query may cost; null means no limit.</summary>
/// <param name="MaxTimeMs">Median planning plus execution time; the only timing threshold.</param>
public sealed record BenchmarkLimits(
    int Runs = 5,
    int Warmup = 1,
    double MaxTimeMs = 100,
    double? MaxCost = null,
    long? MaxBuffers = null,
    double? MaxRowsRemovedRatio = null,
    double? MaxMisestimate = null)
{
    public static BenchmarkLimits Default { get; } = new();

    public IReadOnlyList<ForbiddenNode> Forbid { get; init; } = [];
}
