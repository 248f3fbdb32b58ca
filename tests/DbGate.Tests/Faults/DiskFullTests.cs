using System.Globalization;
using System.Text.Json;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Faults;

/// <summary>
/// A full disk, for real: the run's TMPDIR, where the local server keeps its data, is a small tmpfs mounted in a
/// private mount namespace of the run alone, so the machine's own disks never fill and the mount goes with the run.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class DiskFullTests(PostgresFixture server)
{
    [RootFact]
    public async Task A_disk_that_fills_up_mid_run_ends_it_with_exit_3_naming_the_statement_and_leaves_nothing()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;");
        // About 200 MB, in a file system that has room for the cluster (about 40 MB) and little more.
        project.Step("2_big", "CREATE TABLE big AS SELECT repeat('x', 2000) AS t FROM generate_series(1, 100000);", "DROP TABLE big;");

        using var cli = project.StartWrapped(OnTmpfs(megabytes: 100), "--provider", "local");
        var (exit, _, error) = await cli.WaitAsync(FaultProject.Patience);

        await IncompleteRun.AssertAsync(exit, error, project, "No space left on device (SQLSTATE 53100) at migrations/2_big.up.sql:1:1");
        Assert.Equal(3, IncompleteRun.ReportedSteps(project).Count);
        Assert.Equal("", LeftInTmpfs(project));
        Assert.Empty(LeftOvers.ProcessesIn(project.TempDirectory));
    }

    [RootFact]
    public async Task A_disk_too_full_for_the_server_to_start_ends_with_exit_3_in_one_line_and_still_writes_reports_saying_why()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;");

        using var cli = project.StartWrapped(OnTmpfs(megabytes: 1), "--provider", "local");
        var (exit, output, error) = await cli.WaitAsync(FaultProject.Patience);

        Assert.True(exit == 3, error);
        Assert.Equal("", output);
        var lines = error.Trim().Split('\n');
        Assert.All(lines, line => Assert.StartsWith("dbgate: ", line, StringComparison.Ordinal));
        Assert.StartsWith("dbgate: initdb failed: ", lines[^1], StringComparison.Ordinal);
        Assert.Contains("No space left on device", lines[^1], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(project.Json));
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(lines[^1]["dbgate: ".Length..], json.RootElement.GetProperty("interruption").GetString());
        Assert.Empty(json.RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal("", LeftInTmpfs(project));
    }

    [RootFact]
    public async Task A_disk_too_full_for_the_reports_is_exit_3_naming_each_one_and_saying_the_gate_passed()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;");
        var json = Path.Combine(project.TempDirectory, "dbgate.json");
        var junit = Path.Combine(project.TempDirectory, "dbgate.junit.xml");

        using var cli = project.StartWrapped(
            OnTmpfs(megabytes: 1, fill: true), "--connection", server.AdminConnectionString, "--json", json, "--junit", junit);
        var (exit, output, error) = await cli.WaitAsync(FaultProject.Patience);

        Assert.True(exit == 3, error);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
        var failures = error.Trim().Split('\n').Where(line => line.Contains("could not be written", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.StartsWith($"dbgate: the gate passed, but its JUnit report could not be written to {junit}: No space left on device", failures[0], StringComparison.Ordinal);
        Assert.StartsWith($"dbgate: the gate passed, but its JSON report could not be written to {json}: No space left on device", failures[1], StringComparison.Ordinal);
        Assert.True(File.Exists(project.Sarif)); // elsewhere, so written
    }

    /// <summary>
    /// Runs the CLI with a tmpfs of <paramref name="megabytes"/> over the project's TMPDIR, visible to it alone; after it
    /// exits, lists DbGate's directories still on that tmpfs into a file the test can read.
    /// </summary>
    /// <param name="fill">Fill the tmpfs up before the run starts.</param>
    private static string[] OnTmpfs(int megabytes, bool fill = false) =>
    [
        "unshare", "--mount", "sh", "-c",
        string.Create(CultureInfo.InvariantCulture, $"mount -t tmpfs -o size={megabytes}m,mode=1777 tmpfs \"$TMPDIR\" || exit 99; ")
            + (fill ? "cat /dev/zero > \"$TMPDIR/fill\" 2>/dev/null; " : "")
            + "\"$@\"; rc=$?; ls -d \"$TMPDIR\"/dbgate-* > \"$TMPDIR.left\" 2>/dev/null; exit $rc",
        "sh",
    ];

    private static string LeftInTmpfs(FaultProject project) => File.ReadAllText(project.TempDirectory + ".left").Trim();
}
