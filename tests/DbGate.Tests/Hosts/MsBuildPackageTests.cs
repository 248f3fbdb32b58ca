using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>
/// The packed DbGate.MSBuild in a real `dotnet build` of a small multi-targeted test project: findings become
/// located MSBuild errors, the gate runs once per project, and not again while nothing it reads has changed.
/// </summary>
[Collection(PackagesGroup.Name)]
public sealed class MsBuildPackageTests(PackagesFixture packages) : IDisposable
{
    private readonly TempFolder _work = new();
    private bool _restored;

    [Fact]
    public async Task Broken_migrations_fail_the_build_with_located_errors_a_DbGateConfig_elsewhere_failing_on_nothing_warns_DbGateFailOn_beats_it_a_fix_passes_and_unchanged_skipped_or_design_time_builds_do_not_run_the_gate()
    {
        CopyMigrations("shop-broken");
        WriteProject();
        var downSql = Path.Combine(_work.Path, "db", "migrations", "2024-01-04-000001_create_orders", "down.sql");

        // DbGateConfig names a dbgate.yml outside the gated folder, which fails on nothing: the same findings at the same
        // places, as warnings, and the build goes on. DbGateArguments reaches check as written (here a JSON report in obj/).
        var config = Path.Combine(_work.Path, "ci", "dbgate.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "migrations: ../db/migrations\nfail_on: none\n");
        var lenient = await BuildAsync(null, "-p:DbGateConfig=ci/dbgate.yml", "-p:DbGateArguments=--json obj/dbgate.json");

        Assert.True(lenient.ExitCode == 0, lenient.Output);
        Assert.Contains($"{downSql}(3,6): warning DBG002: down of 2024-01-04-000001_create_orders fails", lenient.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": error DBG", lenient.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work.Path, "obj", "dbgate.json")), lenient.Output);

        // The same config, and DbGateFailOn=error, which beats its fail_on: the changed command line is an input, so
        // the gate runs again, and fails.
        var broken = await BuildAsync(null, "-p:DbGateConfig=ci/dbgate.yml", "-p:DbGateFailOn=error");

        Assert.True(broken.ExitCode != 0, broken.Output);
        Assert.Contains($"{downSql}(3,6): error DBG002: down of 2024-01-04-000001_create_orders fails", broken.Output, StringComparison.Ordinal);
        Assert.Contains("up.sql(1,1): warning DBG005:", broken.Output, StringComparison.Ordinal);
        // Multi-targeted, yet one run: in the first framework's configuration only.
        Assert.Equal(1, Count(broken.Output, "DbGate failed - "));
        Assert.DoesNotContain("TargetFramework=second]", broken.Output, StringComparison.Ordinal);

        CopyMigrations("shop");
        var fixedBuild = await BuildAsync();

        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Output);
        Assert.Equal(1, Count(fixedBuild.Output, "DbGate passed - "));

        var unchanged = await BuildAsync();

        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Equal(0, Count(unchanged.Output, "DbGate passed - "));
        Assert.Contains("Skipping target \"_DbGateRun\" because all output files are up-to-date", unchanged.Output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(_work.Path, "db", "migrations", "0006_customer_phone.up.sql"), "\n-- touched\n");
        var skipped = await BuildAsync(new Dictionary<string, string?> { ["DBGATE_SKIP"] = "1" });

        Assert.True(skipped.ExitCode == 0, skipped.Output);
        Assert.DoesNotContain("_DbGateRun", skipped.Output, StringComparison.Ordinal);

        // What an IDE runs on every keystroke: the touched migration is still there to gate, yet the gate stays out.
        var designTime = await BuildAsync(new Dictionary<string, string?>(), "-p:DesignTimeBuild=true");

        Assert.True(designTime.ExitCode == 0, designTime.Output);
        Assert.DoesNotContain("_DbGateRun", designTime.Output, StringComparison.Ordinal);
    }

    private void WriteProject()
    {
        packages.WriteNuGetConfig(_work.Path);
        // Two aliases of net10.0: multi-targeting without a second targeting pack to download.
        File.WriteAllText(Path.Combine(_work.Path, "App.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>first;second</TargetFrameworks>
                <DbGateEnabled>true</DbGateEnabled>
                <DbGatePath>db</DbGatePath>
                <DbGateProvider>local</DbGateProvider>
              </PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' != ''">
                <TargetFrameworkIdentifier>.NETCoreApp</TargetFrameworkIdentifier>
                <TargetFrameworkVersion>v10.0</TargetFrameworkVersion>
                <TargetFrameworkMoniker>.NETCoreApp,Version=v10.0</TargetFrameworkMoniker>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DbGate.MSBuild" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
    }

    private void CopyMigrations(string sample) => Samples.Copy(sample, Path.Combine(_work.Path, "db"));

    private async Task<Processes.Result> BuildAsync(IReadOnlyDictionary<string, string?>? extra = null, params string[] properties)
    {
        var environment = new Dictionary<string, string?>(packages.Environment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            environment[key] = value;
        // The package reference never changes after the first build: restoring again would cost a second on each of
        // the builds that follow and prove nothing about the gate.
        string[] restore = _restored ? ["--no-restore"] : [];
        // -m:1: both target frameworks build in the one MSBuild process instead of each build starting worker nodes
        // (nodeReuse is off, so every build would pay their start again); the gate's once-per-project rule is MSBuild's
        // per-configuration bookkeeping, which holds in one node as in several.
        var build = await Processes.RunAsync("dotnet", ["build", "-tl:off", "-v:n", "-m:1", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. restore, .. properties], _work.Path, environment);
        _restored = true;
        return build;
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    public void Dispose() => _work.Dispose();
}
