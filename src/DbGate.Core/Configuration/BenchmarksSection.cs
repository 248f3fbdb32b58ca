namespace DbGate.Core.Configuration;

/// <summary>The <c>benchmarks:</c> section of dbgate.yml, as written. See README, "Benchmarks".</summary>
internal sealed class BenchmarksSection
{
    /// <summary>Runs and thresholds for every query that does not set its own.</summary>
    public BenchmarkDefaultsSection? Defaults { get; set; }

    /// <summary>The queries to EXPLAIN on the seeded final schema, each under its own name.</summary>
    public List<BenchmarkQuerySection>? Queries { get; set; }

    /// <summary>max_parallel_workers_per_gather for every run (default 0): a parallel plan depends on the machine's cores.</summary>
    public int? ParallelWorkers { get; set; }

    /// <summary>The benchmark baseline, relative to this file (default dbgate.benchmarks.json, used when it exists).</summary>
    public string? Baseline { get; set; }

    /// <summary>How much worse than the baseline cost or buffers may get, in percent (default 20).</summary>
    public double? Tolerance { get; set; }
}

/// <summary><c>benchmarks.defaults</c>: what a query inherits.</summary>
internal sealed class BenchmarkDefaultsSection
{
    /// <summary>Measured EXPLAIN ANALYZE runs; the median counts (default 5).</summary>
    public int? Runs { get; set; }

    /// <summary>Runs before the measured ones, to warm the cache (default 1).</summary>
    public int? Warmup { get; set; }

    /// <summary>Planning plus execution time, median of the runs, in milliseconds (default 100); a timing finding.</summary>
    public double? MaxTimeMs { get; set; }

    /// <summary>The plan's total estimated cost.</summary>
    public double? MaxCost { get; set; }

    /// <summary>Shared buffers hit plus read by the whole plan.</summary>
    public long? MaxBuffers { get; set; }

    /// <summary>At any node, the fraction (0..1) of the rows it read that its filters removed.</summary>
    public double? MaxRowsRemovedRatio { get; set; }

    /// <summary>At any node, actual rows ÷ estimated rows (or its inverse, whichever is larger).</summary>
    public double? MaxMisestimate { get; set; }

    /// <summary>Plan node types not allowed anywhere in the plan: Seq Scan, Nested Loop, "Seq Scan on orders", "Sort spilling to disk".</summary>
    public List<string>? Forbid { get; set; }
}

/// <summary>One entry of <c>benchmarks.queries</c>: its SQL, parameter sets, and thresholds over the defaults.</summary>
internal sealed class BenchmarkQuerySection
{
    /// <summary>Names the query in findings and reports; unique.</summary>
    public string? Name { get; set; }

    /// <summary>One statement; $1, $2… take the values of each parameter set.</summary>
    public string? Sql { get; set; }

    /// <summary>A file holding the statement instead, relative to this file.</summary>
    public string? File { get; set; }

    /// <summary>Parameter sets, such as [[17], [4000]]: one benchmark per set.</summary>
    public List<List<string?>>? Params { get; set; }

    public int? Runs { get; set; }

    public int? Warmup { get; set; }

    public double? MaxTimeMs { get; set; }

    public double? MaxCost { get; set; }

    public long? MaxBuffers { get; set; }

    public double? MaxRowsRemovedRatio { get; set; }

    public double? MaxMisestimate { get; set; }

    /// <summary>Added to the defaults' forbid list.</summary>
    public List<string>? Forbid { get; set; }
}
