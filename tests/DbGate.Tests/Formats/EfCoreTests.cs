using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>EF Core through the real dotnet build and dotnet-ef: EF's own SQL, run as EF runs it, findings at the C# that made it.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class EfCoreTests(PostgresFixture server)
{
    private const string ForgetsIndex = "20261201142137_IndexCustomerEmail";

    [Fact]
    public async Task The_down_that_forgets_its_index_is_the_only_round_trip_finding_and_points_at_the_migrations_Down_method()
    {
        var (_, result) = await EfCoreRun.GetAsync(server);

        var finding = Assert.Single(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        Assert.Equal(("DBG003", ForgetsIndex), (finding.RuleId, finding.Migration));
        Assert.Equal(new SourceLocation($"Migrations/{ForgetsIndex}.cs", 21, 33), finding.Location);
        Assert.Equal($"down of {ForgetsIndex} does not restore the schema: index public.IX_Customers_Email was left behind", finding.Message);
        Assert.Equal([$"generated SQL: obj/dbgate/{ForgetsIndex}.down.sql"], finding.Details);
    }

    [Fact]
    public async Task Lint_findings_point_at_the_Up_method_and_name_the_statement_in_the_generated_SQL()
    {
        var (_, result) = await EfCoreRun.GetAsync(server);

        // CreateIndex on the existing Customers table, without IsCreatedConcurrently.
        var index = Assert.Single(result.Findings, f => f.RuleId == "DBG101");
        Assert.Equal((ForgetsIndex, new SourceLocation($"Migrations/{ForgetsIndex}.cs", 11, 33)), (index.Migration, index.Location));
        Assert.Contains(index.Details, d => d.StartsWith($"in the generated SQL at obj/dbgate/{ForgetsIndex}.up.sql:", StringComparison.Ordinal));
        Assert.All(result.Findings.Where(f => f.RuleId.StartsWith("DBG1", StringComparison.Ordinal)), f => Assert.Equal($"Migrations/{f.Migration}.cs", f.Location?.Path));
    }

    [Fact]
    public async Task Health_findings_point_at_the_Up_method_of_the_migration_that_made_their_object()
    {
        var (_, result) = await EfCoreRun.GetAsync(server);

        var health = result.Findings.Where(f => f.RuleId.StartsWith("DBG2", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(health);
        Assert.All(health, f => Assert.Equal($"Migrations/{f.Migration}.cs", f.Location?.Path));
    }

    [Fact]
    public async Task Every_migration_EF_lists_runs_up_down_and_up_again_in_the_order_EF_gives()
    {
        var (_, result) = await EfCoreRun.GetAsync(server);

        Assert.Equal(
            ["20261201142125_CreateCustomers", ForgetsIndex, "20261201142142_CreateOrders", "20261201142152_IndexOrdersPlacedAt"],
            result.Steps.Select(s => s.Migration).Distinct());
        Assert.All(result.Steps.Where(s => s.Migration != ForgetsIndex), s => Assert.Equal(Outcome.Passed, s.Outcome));
    }

    [Fact]
    public async Task The_SQL_EF_generated_is_kept_with_EFs_own_transactions_and_none_around_a_concurrent_index()
    {
        var (project, _) = await EfCoreRun.GetAsync(server);

        var orders = await File.ReadAllTextAsync(Path.Combine(project, "obj", "dbgate", "20261201142142_CreateOrders.up.sql"));
        var concurrent = await File.ReadAllTextAsync(Path.Combine(project, "obj", "dbgate", "20261201142152_IndexOrdersPlacedAt.up.sql"));
        Assert.Contains("START TRANSACTION;", orders, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX CONCURRENTLY \"IX_Orders_PlacedAt\"", concurrent, StringComparison.Ordinal);
        Assert.DoesNotContain("START TRANSACTION", concurrent, StringComparison.Ordinal);
        Assert.Equal(8, Directory.EnumerateFiles(Path.Combine(project, "obj", "dbgate"), "*.sql").Count());
    }

    [Fact]
    public async Task Without_dotnet_ef_in_a_tool_manifest_it_is_restored_and_run_through_a_manifest_DbGate_writes_in_its_cache()
    {
        var (project, result) = await EfCoreRun.GetAsync(server);

        // No manifest in the project or any folder above it: the repository's cannot have served.
        for (var at = new DirectoryInfo(project); at is not null; at = at.Parent)
            Assert.False(File.Exists(Path.Combine(at.FullName, ".config", "dotnet-tools.json")) || File.Exists(Path.Combine(at.FullName, "dotnet-tools.json")), at.FullName);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        var manifest = Path.Combine(cache, "dbgate", "dotnet-ef", EfOptions.DefaultToolVersion, "dotnet-tools.json");
        Assert.True(File.GetLastWriteTimeUtc(manifest) >= EfCoreRun.Started, "the run did not write its own manifest");
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(manifest)))
            Assert.Equal(EfOptions.DefaultToolVersion, json.RootElement.GetProperty("tools").GetProperty("dotnet-ef").GetProperty("version").GetString());
        // dotnet-ef, run from that manifest's folder, listed and scripted every migration.
        Assert.Equal(4, result.Steps.Select(s => s.Migration).Distinct().Count());
        Assert.Equal(8, Directory.EnumerateFiles(Path.Combine(project, "obj", "dbgate"), "*.sql").Count());
    }

    [Fact]
    public void The_project_is_detected_from_its_files_and_its_migrations_read_from_the_CSharp_without_building()
    {
        var project = Path.GetFullPath(Path.Combine(RepoPaths.Fixture("efcore"), "Shop"));

        var set = MigrationDiscovery.Open(project, project, "auto", FormatOptions.Default);

        Assert.Equal(["ef"], MigrationDiscovery.Detect(project));
        Assert.Equal(["__EFMigrationsHistory"], set.History.Tables);
        Assert.NotNull(set.Preparation);
        Assert.Equal(4, set.Migrations.Count);
        Assert.Equal(new SourceLocation("Migrations/20261201142125_CreateCustomers.cs", 12, 33), set.Migrations[0].Up.Origin);
    }

    [Fact]
    public async Task A_project_that_does_not_build_is_one_configuration_error_naming_the_compiler_error()
    {
        var copy = EfCoreRun.Copy();
        var context = Path.Combine(copy, "Shop", "ShopContext.cs");
        await File.WriteAllTextAsync(context, (await File.ReadAllTextAsync(context)).Replace("public long Id { get; set; }", "public long Id { get; set }", StringComparison.Ordinal));

        var (exitCode, _, error) = await CliProcess.RunAsync("check", Path.Combine(copy, "Shop"), "--provider", "external", "--connection", server.AdminConnectionString);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("dbgate: building", StringComparison.Ordinal));
        Assert.Matches(@"^dbgate: EF Core project Shop\.csproj does not build: ShopContext\.cs\(23,31\): error CS\d+: .+$", line);
    }
}
