using DbGate.Core.Reports;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Faults;

/// <summary>Reports are replaced in one step, and a report that cannot be written costs only itself, in one clear line.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ReportFileFaultTests(PostgresFixture server)
{
    [Fact]
    public async Task A_report_that_cannot_be_written_is_exit_3_in_one_line_naming_it_and_saying_the_gate_passed()
    {
        using var project = new FaultProject().Config();
        project.Step("1_create", "CREATE TABLE a (x int);", "DROP TABLE a;");
        var blocker = Path.Combine(project.Path, "blocker");
        File.WriteAllText(blocker, "a file where the report's folder should be");
        var json = Path.Combine(blocker, "dbgate.json");

        using var cli = project.Start("--connection", server.AdminConnectionString, "--json", json);
        var (exit, output, error) = await cli.WaitAsync(FaultProject.Patience);

        Assert.Equal(3, exit);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
        var failure = Assert.Single(error.Trim().Split('\n'), line => line.Contains("could not be written", StringComparison.Ordinal));
        Assert.StartsWith($"dbgate: the gate passed, but its JSON report could not be written to {json}: ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", failure, StringComparison.Ordinal);
        // The other reports are written all the same.
        Assert.Empty(await SarifSchema.ValidateAsync(await File.ReadAllTextAsync(project.Sarif)));
        Assert.Empty(JUnitSchema.Validate(await File.ReadAllTextAsync(project.JUnit)));
    }

    [Fact]
    public async Task A_report_write_that_fails_half_way_leaves_the_previous_report_whole_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "dbgate.json");
        await AtomicFile.WriteAsync(path, stream => stream.WriteAsync("{\"old\": true}"u8.ToArray()).AsTask(), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async stream =>
        {
            await stream.WriteAsync("{\"new\": "u8.ToArray());
            throw new IOException("No space left on device");
        }, CancellationToken.None));

        Assert.Equal("No space left on device", failure.Message);
        Assert.Equal("{\"old\": true}", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }
}
