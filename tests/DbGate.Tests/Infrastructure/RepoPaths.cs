namespace DbGate.Tests.Infrastructure;

/// <summary>Files the report tests read from the checkout rather than the build output, so snapshots can be reviewed and updated in place.</summary>
public static class RepoPaths
{
    public static string SolutionDirectory { get; } = FindSolution();

    public static string CratesIoMigrations => Path.GetFullPath(Path.Combine(SolutionDirectory, "..", "shared", "corpora", "crates-io", "migrations"));

    public static string Sample(string name) => Path.Combine(SolutionDirectory, "samples", name);

    /// <summary>A migration tool's fixture project under tests/fixtures, written for these tests.</summary>
    public static string Fixture(string name) => Path.Combine(SolutionDirectory, "tests", "fixtures", name);

    public static string SharedSchemas => Path.Combine(SolutionDirectory, "..", "shared", "schemas");

    public static string SarifSchema => Path.Combine(SharedSchemas, "sarif-schema-2.1.0.json");

    public static string JUnitSchema => Path.Combine(SharedSchemas, "junit.xsd");

    public static string JsonReportSchema => Path.Combine(SolutionDirectory, "docs", "schemas", "dbgate-report.schema.json");

    public static string Expected => Path.Combine(SolutionDirectory, "tests", "DbGate.Tests", "Reports", "Expected");

    private static string FindSolution()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DbGate.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No DbGate.sln above {AppContext.BaseDirectory}.");
    }
}
