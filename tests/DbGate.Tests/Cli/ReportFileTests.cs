using System.Text.Json;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Cli;

/// <summary>The reports of a real run on the broken sample, checked against the schemas CI systems enforce.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ReportFileTests(PostgresFixture server) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _out = new();

    private string Report(string name) => Path.Combine(_out.Path, name);

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(
            "check", "samples/shop-broken", "--connection", server.AdminConnectionString,
            "--sarif", Report("r.sarif"), "--junit", Report("r.xml"), "--json", Report("r.json"), "--markdown", Report("r.md"));
        Assert.True(exit == 1, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task The_sarif_report_is_valid_sarif_2_1_0_with_repository_relative_locations()
    {
        var sarif = await File.ReadAllTextAsync(Report("r.sarif"));

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        using var document = JsonDocument.Parse(sarif);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results");
        // Seven round-trip findings; the lint's DBG1xx and the schema health's DBG2xx/DBG3xx come on top.
        Assert.Equal(7, results.EnumerateArray().Count(r => r.GetProperty("ruleId").GetString()!.StartsWith("DBG0", StringComparison.Ordinal)));
        var uris = results.EnumerateArray().Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.All(uris, uri => Assert.StartsWith("samples/shop-broken/migrations/", uri, StringComparison.Ordinal));
    }

    [Fact]
    public void The_junit_report_is_valid_against_the_strict_schema_and_fails_the_broken_steps()
    {
        var junit = File.ReadAllText(Report("r.xml"));

        Assert.Empty(JUnitSchema.Validate(junit));
        Assert.Contains("2024-01-04-000001_create_orders", junit, StringComparison.Ordinal);
        Assert.Contains("type=\"DBG002\"", junit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-02-000001_index_customer_email")]
    [InlineData("2024-01-04-000001_create_orders")]
    [InlineData("2024-01-05-000001_create_audit_log")]
    [InlineData("2024-01-08-000001_index_orders_placed_at")]
    public void The_json_and_markdown_reports_name_each_broken_migration(string migration)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Report("r.json")));
        var markdown = File.ReadAllText(Report("r.md"));

        Assert.Equal(7, json.RootElement.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("ruleId").GetString()!.StartsWith("DBG0", StringComparison.Ordinal)));
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("migration").GetString() == migration);
        Assert.Contains(migration, markdown, StringComparison.Ordinal);
    }
}
