using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// The tools DbGate drives see the work database and none of DbGate's own connection: the CLI runs with a secret in
/// DBGATE_CONNECTION and in libpq's variables (and PGHOSTADDR pointing elsewhere), and the tool's programs write the
/// environment they got to a file.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ToolEnvironmentTests(PostgresFixture server) : IDisposable
{
    private const string Secret = "s3cret-of-dbgate-itself";
    private readonly TempFolder _project = new();

    private static readonly Dictionary<string, string> Caller = new()
    {
        ["DBGATE_CONNECTION"] = $"Host=production.invalid;Username=owner;Password={Secret}",
        ["PGPASSWORD"] = Secret,
        ["PGSSLPASSWORD"] = Secret,
        // TEST-NET-1: a tool that kept it would connect there instead of to the work database.
        ["PGHOSTADDR"] = "192.0.2.1",
    };

    [Fact]
    public async Task Command_mode_commands_get_the_work_database_and_none_of_DbGates_connection_or_libpq_variables()
    {
        _project.Write("dbgate.yml", """
            command:
              up: env > up.env && psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE t (a int)'
              down: env > down.env && psql -X -q -v ON_ERROR_STOP=1 -c 'DROP TABLE t'
              list: env > list.env && echo 0001_t
            """);

        var (exit, output, error) = await CheckAsync(_project.Path);

        Assert.True(exit == 0, output + error);
        foreach (var file in new[] { "list.env", "up.env", "down.env" })
        {
            var seen = File.ReadAllText(Path.Combine(_project.Path, file));
            Assert.DoesNotContain(Secret, seen, StringComparison.Ordinal);
            Assert.DoesNotContain("DBGATE_CONNECTION=", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("PGHOSTADDR=", seen, StringComparison.Ordinal);
            Assert.Contains("DATABASE_URL=postgresql://", seen, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dotnet_build_and_dotnet_ef_of_an_EF_Core_project_see_none_of_DbGates_connection_or_libpq_variables()
    {
        Fixtures.Copy("efcore", _project.Path);
        var project = Path.Combine(_project.Path, "Shop");
        // One migration is enough to run both programs: the build (an Exec after it) and dotnet ef (a module
        // initializer, which runs when EF loads the project's assembly to list and script its migrations).
        var migrations = Path.Combine(project, "Migrations");
        foreach (var later in Directory.EnumerateFiles(migrations, "2026*").Where(f => !Path.GetFileName(f).StartsWith("20261201142125_", StringComparison.Ordinal)))
            File.Delete(later);
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), """
            <Project>
              <Target Name="WriteBuildEnvironment" AfterTargets="Build">
                <Exec Command="env &gt; &quot;$(MSBuildProjectDirectory)/build.env&quot;" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "EnvironmentProbe.cs"), """
            using System.Runtime.CompilerServices;

            namespace Shop;

            internal static class EnvironmentProbe
            {
                [ModuleInitializer]
                internal static void Write() => File.WriteAllLines(
                    Path.Combine(Path.GetDirectoryName(typeof(EnvironmentProbe).Assembly.Location)!, "ef.env"),
                    Environment.GetEnvironmentVariables().Keys.Cast<string>().Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"));
            }
            """);

        var (exit, output, error) = await CheckAsync(project);

        Assert.True(exit == 0, output + error);
        var build = File.ReadAllText(Path.Combine(project, "build.env"));
        var ef = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(project, "bin"), "ef.env", SearchOption.AllDirectories).Single());
        foreach (var seen in new[] { build, ef })
        {
            Assert.DoesNotContain(Secret, seen, StringComparison.Ordinal);
            Assert.DoesNotContain("DBGATE_CONNECTION=", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("PGHOSTADDR=", seen, StringComparison.Ordinal);
        }
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1", ef, StringComparison.Ordinal); // the probe saw what DbGate gave dotnet ef
    }

    private async Task<(int, string, string)> CheckAsync(string path)
    {
        using var cli = CliProcess.Start(["check", path, "--provider", "external", "--connection", server.AdminConnectionString], Caller, path);
        return await cli.WaitAsync(TimeSpan.FromMinutes(6));
    }

    public void Dispose() => _project.Dispose();
}
