using DbGate.Core.Reports;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Health;

[Collection(PostgresServerGroup.Name)]
public sealed class ProvenanceTests(PostgresFixture server)
{
    [Fact]
    public async Task A_finding_is_located_where_its_object_was_created_and_relates_the_migration_that_last_changed_it()
    {
        using var project = new HealthProject();
        var created = project.Migration("-- the table\n\nCREATE TABLE events (happened_at timestamptz NOT NULL, kind text NOT NULL);\n");
        project.Migration("CREATE TABLE users (id bigint PRIMARY KEY);");
        var changed = project.Migration("ALTER TABLE events ADD COLUMN note text;\nCOMMENT ON TABLE events IS 'what happened';\n");

        var result = await project.RunAsync(server);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG202");
        // One statement in the file: the splitter alone says which statement created the table.
        Assert.Equal((created, 3, 1), (finding.Location!.Path, finding.Location.Line, finding.Location.Column));
        Assert.Equal("0001_step", finding.Migration);
        var related = Assert.Single(finding.Related);
        Assert.Equal(changed, related.Location.Path);
        Assert.Contains("last changed by 0003_step", related.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_carries_the_related_locations_and_a_fingerprint_and_stays_valid()
    {
        using var project = new HealthProject();
        project.Migration("CREATE TABLE authors (id integer PRIMARY KEY);");
        project.Migration("CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors);");

        var result = await project.RunAsync(server);
        using var sarif = new MemoryStream();
        await ReportWriters.Create(ReportFormat.Sarif, new ReportContext()).WriteAsync(result with { RootPath = project.Path }, sarif);
        var json = System.Text.Encoding.UTF8.GetString(sarif.ToArray());

        Assert.Empty(await SarifSchema.ValidateAsync(json));
        Assert.Contains("\"relatedLocations\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dbgateObject/v1\": \"DBG207 constraint public.books.books_author_id_fkey\"", json, StringComparison.Ordinal);
    }
}
