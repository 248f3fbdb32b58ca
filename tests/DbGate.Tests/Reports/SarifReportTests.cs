using System.Text.Json.Nodes;
using DbGate.Core.Reports;

namespace DbGate.Tests.Reports;

public sealed class SarifReportTests
{
    [Fact]
    public async Task Schema_loads_with_its_references_resolved()
    {
        var schema = await SarifSchema.LoadAsync();

        Assert.Contains("result", schema.Definitions.Keys);
        var runs = schema.Properties["runs"].Item!.ActualSchema;
        Assert.Same(schema.Definitions["run"], runs);
        Assert.Same(schema.Definitions["result"], runs.Properties["results"].Item!.ActualSchema);
    }

    [Fact]
    public async Task Representative_result_is_valid_sarif()
    {
        var sarif = await ReportSamples.WriteAsync(ReportFormat.Sarif, ReportSamples.Representative());

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
    }

    [Theory]
    [InlineData("version", "2.0.0", "#/version: NotInEnumeration")]
    [InlineData("level", "fatal", "#/runs[0].results[0].level: NotInEnumeration")]
    [InlineData("startLine", 0, "#/runs[0].results[0].locations[0].physicalLocation.region.startLine: NumberTooSmall")]
    [InlineData("extra", true, "#/runs[0].results[0].unknownMember: NoAdditionalPropertiesAllowed")]
    public async Task Broken_documents_fail_validation_where_they_are_broken(string what, object value, string expectedError)
    {
        var sarif = JsonNode.Parse(await ReportSamples.WriteAsync(ReportFormat.Sarif, ReportSamples.Representative()))!;
        var result = sarif["runs"]![0]!["results"]![0]!;
        switch (what)
        {
            case "version": sarif["version"] = (string)value; break;
            case "level": result["level"] = (string)value; break;
            case "startLine": result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = (int)value; break;
            default: result["unknownMember"] = (bool)value; break;
        }

        Assert.Contains(expectedError, await SarifSchema.ValidateAsync(sarif.ToJsonString()));
    }

    [Fact]
    public async Task Driver_describes_every_catalogued_rule_and_every_rule_a_result_names()
    {
        var run = await RunAsync(ReportSamples.Representative());
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();

        Assert.Equal(["DBG001", "DBG002", "DBG010", "DBG011"], rules.Select(r => (string)r!["id"]!));
        var dbg002 = rules[1]!;
        Assert.Equal("down-fails", (string)dbg002["name"]!);
        Assert.Equal("Down migration fails", (string)dbg002["shortDescription"]!["text"]!);
        Assert.StartsWith("The down script", (string)dbg002["fullDescription"]!["text"]!, StringComparison.Ordinal);
        Assert.Contains("## How to fix it", (string)dbg002["help"]!["markdown"]!, StringComparison.Ordinal);
        Assert.Equal("https://github.com/dbgate-ci/dbgate/blob/main/rules/DBG002.md", (string)dbg002["helpUri"]!);
        Assert.Equal("error", (string)dbg002["defaultConfiguration"]!["level"]!);
        Assert.Equal("reversibility", (string)dbg002["properties"]!["tags"]![0]!);
        Assert.All(run["results"]!.AsArray(), r => Assert.Equal((string)r!["ruleId"]!, (string)rules[(int)r["ruleIndex"]!]!["id"]!));
    }

    [Fact]
    public async Task Results_carry_level_message_with_details_and_a_repository_relative_location()
    {
        var run = await RunAsync(ReportSamples.Representative());
        var result = run["results"]![0]!;
        var location = result["locations"]![0]!["physicalLocation"]!;

        Assert.Equal("error", (string)result["level"]!);
        Assert.Equal("Down migration fails: column \"email\" of relation \"users\" does not exist\nSQLSTATE 42703\nALTER TABLE users DROP COLUMN email",
            (string)result["message"]!["text"]!);
        Assert.Equal("migrations/0002%20add%20email/down.sql", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal("%SRCROOT%", (string)location["artifactLocation"]!["uriBaseId"]!);
        Assert.Equal("""{"startLine":3,"startColumn":1,"endLine":3,"endColumn":31}""", location["region"]!.ToJsonString());
        Assert.Equal("migrations/0003_%C3%ADndice/up.sql", (string)run["results"]![1]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.Equal("file:///home/ci/work/my%20repo/", (string)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!);
    }

    [Fact]
    public async Task Tool_and_run_state_version_server_and_success()
    {
        var run = await RunAsync(ReportSamples.Representative());

        Assert.Equal("DbGate", (string)run["tool"]!["driver"]!["name"]!);
        Assert.Equal("1.2.3-test", (string)run["tool"]!["driver"]!["version"]!);
        Assert.True((bool)run["invocations"]![0]!["executionSuccessful"]!);
        Assert.Equal("PostgreSQL 15.18 (local)", (string)run["properties"]!["server"]!);
        Assert.False((bool)run["properties"]!["truncated"]!);
    }

    [Fact]
    public async Task A_finding_without_location_borrows_its_migrations_file_or_the_fallback_because_GitHub_rejects_none()
    {
        var representative = await RunAsync(ReportSamples.Representative());
        var loose = representative["results"]![2]!;
        Assert.Equal("dbgate.yml", (string)loose["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.True((bool)loose["properties"]!["locationInferred"]!);

        var incomplete = ReportSamples.Incomplete();
        var withSibling = incomplete with { Findings = [.. incomplete.Findings, new("DBG002", Core.Results.Level.Error, "x", new("migrations/0001/up.sql", 9), "0001_create_users")] };
        var borrowed = (await RunAsync(withSibling))["results"]![0]!["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("migrations/0001/up.sql", (string)borrowed["artifactLocation"]!["uri"]!);
        Assert.Equal(1, (int)borrowed["region"]!["startLine"]!);
    }

    [Fact]
    public async Task Incomplete_run_is_unsuccessful_and_hostile_text_stays_valid_json()
    {
        var sarif = await ReportSamples.WriteAsync(ReportFormat.Sarif, ReportSamples.Incomplete());
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        Assert.False((bool)run["invocations"]![0]!["executionSuccessful"]!);
        Assert.Equal("error", (string)run["invocations"]![0]!["toolExecutionNotifications"]![0]!["level"]!);
        Assert.StartsWith(ReportSamples.Hostile[..20], (string)run["results"]![0]!["message"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_findings_is_a_valid_run_with_no_results()
    {
        var sarif = await ReportSamples.WriteAsync(ReportFormat.Sarif, ReportSamples.Clean());

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        Assert.Empty(JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public async Task Results_are_capped_at_GitHubs_limit_keeping_the_most_severe_and_saying_so()
    {
        var sarif = await ReportSamples.WriteAsync(ReportFormat.Sarif, ReportSamples.Many(30_000));
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var messages = results.Select(r => (string)r!["message"]!["text"]!).ToList();

        Assert.Equal(25_000, results.Count);
        Assert.Equal(10_000, results.Count(r => (string)r!["level"]! == "error"));
        Assert.Equal(5_000, results.Count(r => (string)r!["level"]! == "note"));
        Assert.Equal("Finding number 0", messages[0]);
        Assert.Equal(messages.OrderBy(m => int.Parse(m["Finding number ".Length..], System.Globalization.CultureInfo.InvariantCulture)), messages);
        Assert.True((bool)run["properties"]!["truncated"]!);
        Assert.Equal(30_000, (int)run["properties"]!["totalResults"]!);
        Assert.Contains("25000 of 30000", (string)run["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_log_is_still_valid_sarif()
    {
        var sarif = await ReportSamples.WriteAsync(new SarifReportWriter(ReportSamples.Context, maxResults: 10), ReportSamples.Many(30));

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        Assert.Equal(10, JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Count);
    }

    private static async Task<JsonNode> RunAsync(Core.Results.GateResult result) =>
        JsonNode.Parse(await ReportSamples.WriteAsync(ReportFormat.Sarif, result))!["runs"]![0]!;
}
