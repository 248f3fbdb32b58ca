using System.Text.RegularExpressions;
using DbGate.Core.Configuration;
using DbGate.Core.Docs;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

[Collection(PostgresServerGroup.Name)]
public sealed partial class DocsTests(PostgresFixture server)
{
    private const string Shop =
        "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, \"Display Name\" varchar(80));\n"
        + "COMMENT ON TABLE customers IS 'People who buy | things';\n"
        + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, total numeric(10,2) NOT NULL DEFAULT 0, placed_at timestamptz NOT NULL DEFAULT now());\n"
        + "CREATE INDEX orders_placed_at_idx ON orders (placed_at);\n"
        + "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL UNIQUE REFERENCES public.orders);\n";

    [Fact]
    public async Task Docs_list_every_table_with_columns_keys_indexes_relations_and_an_er_diagram()
    {
        using var project = new HealthProject();
        project.Migration(Shop);

        var files = DataDictionary.Render(await DocsRunner.MigrateAsync(await OptionsAsync(project), null, CancellationToken.None));

        Assert.Equal(["README.md", "billing.md", "public.md"], files.Keys);
        var page = files["public.md"];
        Assert.Contains("| email | text |  | no |  |", page, StringComparison.Ordinal);
        Assert.Contains("People who buy \\| things", page, StringComparison.Ordinal);
        Assert.Contains("orders_placed_at_idx", page, StringComparison.Ordinal);
        Assert.Contains("Referenced by: [billing.invoices](billing.md#billinginvoices)", page, StringComparison.Ordinal);
        Assert.Contains("\"public.customers\" |o--o{ \"public.orders\" : \"orders_customer_id_fkey\"", page, StringComparison.Ordinal);
        Assert.Contains("\"public.orders\" ||--o| \"billing.invoices\"", files["billing.md"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_check_passes_on_fresh_pages_and_names_each_page_that_no_longer_matches()
    {
        using var project = new HealthProject();
        project.Migration(Shop);
        var docs = Path.Combine(project.Path, "docs");
        await DocsRunner.WriteAsync(await DocsRunner.MigrateAsync(await OptionsAsync(project), null, CancellationToken.None), docs, CancellationToken.None);
        Assert.Empty(await DocsRunner.CheckAsync(await DocsRunner.MigrateAsync(await OptionsAsync(project), null, CancellationToken.None), docs, CancellationToken.None));

        project.Migration("ALTER TABLE orders ADD COLUMN note text; DROP TABLE billing.invoices; DROP SCHEMA billing;");
        var differences = await DocsRunner.CheckAsync(await DocsRunner.MigrateAsync(await OptionsAsync(project), null, CancellationToken.None), docs, CancellationToken.None);

        Assert.Equal(["README.md: differs from the migrated schema", "public.md: differs from the migrated schema", "billing.md: describes a schema the migrations no longer create"], differences);
    }

    [Fact]
    public async Task The_docs_command_exits_1_when_committed_pages_are_stale()
    {
        using var project = new HealthProject();
        project.Migration(Shop);
        var docs = Path.Combine(project.Path, "docs");

        var (written, _, _) = await CliProcess.RunAsync("docs", project.Path, "--out", docs, "--connection", server.AdminConnectionString);
        File.AppendAllText(Path.Combine(docs, "public.md"), "edited by hand\n");
        var (stale, output, error) = await CliProcess.RunAsync("docs", project.Path, "--out", docs, "--check", "--connection", server.AdminConnectionString);

        Assert.Equal((0, 1), (written, stale));
        Assert.Contains("public.md: differs from the migrated schema", output, StringComparison.Ordinal);
        Assert.Contains("dbgate: the docs in", error, StringComparison.Ordinal);
    }

    [MermaidFact]
    public async Task Mermaid_cli_renders_the_crates_io_diagrams_and_a_summary_diagram()
    {
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(RepoPaths.CratesIoMigrations, Provider: "external", Connection: server.AdminConnectionString), RepoPaths.SolutionDirectory, CancellationToken.None);
        var files = DataDictionary.Render(await DocsRunner.MigrateAsync(options, null, CancellationToken.None));
        var diagrams = files.Values.SelectMany(page => MermaidBlock().Matches(page).Select(m => m.Groups["diagram"].Value)).ToList();

        using var project = new HealthProject();
        project.Migration(Shop);
        var gate = await project.RunAsync(server);
        diagrams.Add(gate.ChangeDiagram!);

        Assert.True(diagrams.Count >= 2);
        foreach (var diagram in diagrams)
        {
            var (exit, output, svg) = await MermaidCli.RenderAsync(diagram);
            Assert.True(exit == 0 && svg > 0, $"mmdc exited {exit}: {output}\n{diagram[..Math.Min(2000, diagram.Length)]}");
        }
    }

    [MermaidFact]
    public async Task Mermaid_cli_fails_on_a_syntax_error_so_the_rendering_test_can_fail()
    {
        var (exit, _, _) = await MermaidCli.RenderAsync("erDiagram\n    \"a\" {\n        text \"not a name\"\n    }\n");

        Assert.NotEqual(0, exit);
    }

    private Task<GateOptions> OptionsAsync(HealthProject project) => project.OptionsAsync(server);

    [GeneratedRegex("```mermaid\n(?<diagram>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
