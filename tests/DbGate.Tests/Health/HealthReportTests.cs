using System.Text;
using DbGate.Core.Reports;
using DbGate.Core.Results;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Health;

/// <summary>What the writers add for schema findings, baselines and the change diagram; no server needed.</summary>
public sealed class HealthReportTests
{
    private static GateResult Result()
    {
        var accepted = new Finding("DBG212", Level.Note, "column public.users.id is serial", new SourceLocation("db/0001_users.up.sql"), "0001_users", Phase: Phase.Up)
        {
            Subject = "column public.users.id",
        };
        var fresh = new Finding("DBG201", Level.Warning, "foreign key posts_author_id_fkey has no index", new SourceLocation("db/0002_posts.up.sql", 3, 1), "0002_posts", Phase: Phase.Up)
        {
            Subject = "constraint public.posts.posts_author_id_fkey",
            Related = [new RelatedLocation(new SourceLocation("db/0003_more.up.sql"), "table public.posts last changed by 0003_more")],
        };
        return ReportSamples.Clean() with
        {
            Findings = [fresh],
            Baseline = new BaselineSummary("dbgate.baseline.json", [accepted], ["DBG202 table public.logs"]),
            ChangeDiagram = "erDiagram\n    \"public.posts\" {\n        bigint id PK\n    }\n",
        };
    }

    [Fact]
    public void Markdown_counts_the_accepted_lists_stale_entries_and_shows_the_change_diagram()
    {
        var markdown = Render(ReportFormat.Markdown);

        Assert.Contains("1 finding accepted by the baseline <code>dbgate.baseline.json</code>.", markdown, StringComparison.Ordinal);
        Assert.Contains("1 entry no longer matches and can be removed: <code>DBG202 table public.logs</code>", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nerDiagram\n    \"public.posts\" {", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_lists_stale_baseline_entries()
    {
        var text = Render(ReportFormat.Text);

        Assert.Contains("1 finding accepted by the baseline dbgate.baseline.json", text, StringComparison.Ordinal);
        Assert.Contains("stale entry (nothing matches it any more; remove it): DBG202 table public.logs", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_has_related_locations_and_fingerprints_and_validates()
    {
        var sarif = Render(ReportFormat.Sarif);

        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        Assert.Contains("\"relatedLocations\": [", sarif, StringComparison.Ordinal);
        Assert.Contains("\"dbgateObject/v1\": \"DBG201 constraint public.posts.posts_author_id_fkey\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"acceptedByBaseline\": 1", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_the_subject_fingerprint_related_locations_and_the_baseline_and_matches_its_schema()
    {
        var json = Render(ReportFormat.Json);

        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Infrastructure.RepoPaths.JsonReportSchema);
        Assert.Empty(schema.Validate(json));
        Assert.Contains("\"subject\": \"constraint public.posts.posts_author_id_fkey\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint\": \"DBG201 constraint public.posts.posts_author_id_fkey\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stale\": [\n      \"DBG202 table public.logs\"", json, StringComparison.Ordinal);
    }

    private static string Render(ReportFormat format)
    {
        using var stream = new MemoryStream();
        ReportWriters.Create(format, ReportSamples.Context).WriteAsync(Result(), stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
