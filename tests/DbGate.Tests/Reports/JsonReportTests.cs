using DbGate.Tests.Infrastructure;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbGate.Core.Reports;
using DbGate.Core.Results;
using NJsonSchema;

namespace DbGate.Tests.Reports;

public sealed class JsonReportTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepoPaths.JsonReportSchema));

    [Theory]
    [MemberData(nameof(Results))]
    public async Task Output_matches_the_documented_schema(string name)
    {
        var json = await ReportSamples.WriteAsync(ReportFormat.Json, Sample(name));

        Assert.Empty(SarifSchema.Flatten((await Schema.Value).Validate(json)));
    }

    public static TheoryData<string> Results() => ["representative", "clean", "incomplete"];

    [Fact]
    public async Task The_documented_schema_rejects_an_undocumented_member()
    {
        var json = JsonNode.Parse(await ReportSamples.WriteAsync(ReportFormat.Json, ReportSamples.Clean()))!;
        json["surprise"] = 1;

        Assert.Contains("#/surprise: NoAdditionalPropertiesAllowed", SarifSchema.Flatten((await Schema.Value).Validate(json.ToJsonString())));
    }

    [Fact]
    public async Task Shape_is_camel_case_with_lowercase_enums_and_every_key_present()
    {
        var json = JsonNode.Parse(await ReportSamples.WriteAsync(ReportFormat.Json, ReportSamples.Representative()))!;
        var finding = json["findings"]![0]!;
        var loose = json["findings"]![2]!;

        Assert.Equal(1, (int)json["schemaVersion"]!);
        Assert.Equal("failed", (string)json["verdict"]!);
        Assert.Equal("error", (string)json["failOn"]!);
        Assert.Equal(3.214, (double)json["durationSeconds"]!);
        Assert.Equal("""{"error":1,"warning":1,"note":1,"none":0}""", json["counts"]!.ToJsonString());
        Assert.Equal("""{"migration":"0002 add email","phase":"down","outcome":"failed","durationSeconds":0.003,"reason":"column \"email\" does not exist"}""", json["steps"]![4]!.ToJsonString(Relaxed));
        Assert.Equal(("error", "down", 3, 31), ((string)finding["level"]!, (string)finding["phase"]!, (int)finding["location"]!["line"]!, (int)finding["location"]!["endColumn"]!));
        Assert.Equal("https://github.com/dbgate-ci/dbgate/blob/main/rules/DBG002.md", (string)finding["helpUri"]!);
        Assert.Null(loose["location"]);
        Assert.True(loose.AsObject().ContainsKey("location"));
    }

    [Fact]
    public async Task Text_keeps_its_characters_readable_and_escapes_only_what_json_must()
    {
        var json = await ReportSamples.WriteAsync(ReportFormat.Json, ReportSamples.Incomplete());

        Assert.Contains("Up failed: <b>&amp;</b> | `code`", json, StringComparison.Ordinal);
        Assert.Contains("\\u001B[31mred", json, StringComparison.Ordinal);
        Assert.Equal(ReportSamples.Hostile[..^6], ((string)JsonNode.Parse(json)!["findings"]![0]!["message"]!)[..^6]);
        Assert.Contains("\"verdict\": \"incomplete\"", json, StringComparison.Ordinal);
    }

    private static GateResult Sample(string name) => name switch
    {
        "representative" => ReportSamples.Representative(),
        "clean" => ReportSamples.Clean(),
        _ => ReportSamples.Incomplete(),
    };
}
