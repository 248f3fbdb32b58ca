using DbGate.Core.Reports;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Health;

[Collection(PostgresServerGroup.Name)]
public sealed class ProvenanceTests(PostgresFixture server)
{
    [Fact]
    public async Task With_the_lint_off_a_finding_is_still_located_at_the_statement_that_created_its_object_and_relates_each_statement_that_changed_it()
    {
        using var project = new HealthProject();
        var created = project.Migration("-- the table\n\nCREATE TABLE events (happened_at timestamptz NOT NULL, kind text NOT NULL);\n");
        project.Migration("CREATE TABLE users (id bigint PRIMARY KEY);");
        var changed = project.Migration("ALTER TABLE events ADD COLUMN note text;\nCOMMENT ON TABLE events IS 'what happened';\n");

        var result = await project.RunAsync(server);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG202");
        Assert.Equal((created, 3, 1), (finding.Location!.Path, finding.Location.Line, finding.Location.Column));
        Assert.Equal("0001_step", finding.Migration);
        // The ups are observed for provenance though the lint is off, and its rules judge nothing (the ADD COLUMN
        // without lock_timeout would be DBG107).
        Assert.Equal(
            [($"{changed}:1:1", "table public.events changed by 0003_step"), ($"{changed}:2:1", "table public.events last changed by 0003_step")],
            finding.Related.Select(r => (r.Location.ToString(), r.Message)));
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_lint_a_finding_is_located_at_the_statement_that_created_its_object_and_relates_each_statement_that_changed_it()
    {
        using var project = new HealthProject();
        var first = project.Migration(
            "CREATE TABLE authors (id bigint PRIMARY KEY);\n"
            + "\n"
            + "CREATE TABLE books (\n"
            + "    id bigint PRIMARY KEY,\n"
            + "    author_id bigint NOT NULL\n"
            + ");\n"
            + "  ALTER TABLE books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors;\n"
            + "CREATE TABLE events (happened_at timestamptz NOT NULL);\n");
        var second = project.Migration(
            "COMMENT ON TABLE authors IS 'who wrote';\n"
            + "ALTER TABLE events ADD COLUMN note text;\n"
            + "ALTER TABLE events ADD COLUMN kind text;\n");

        var result = await project.RunObservedAsync(server);

        var foreignKey = Assert.Single(result.Findings, f => f.RuleId == "DBG201");
        Assert.Equal((first, 7, 3), (foreignKey.Location!.Path, foreignKey.Location.Line, foreignKey.Location.Column));
        var noKey = Assert.Single(result.Findings, f => f.RuleId == "DBG202");
        Assert.Equal((first, 8, 1), (noKey.Location!.Path, noKey.Location.Line, noKey.Location.Column));
        Assert.Equal(
            [($"{second}:2:1", "table public.events changed by 0002_step"), ($"{second}:3:1", "table public.events last changed by 0002_step")],
            noKey.Related.Select(r => (r.Location.ToString(), r.Message)));
    }

    [Fact]
    public async Task With_the_lint_a_security_finding_on_a_granted_table_relates_the_grant_and_default_privileges_are_located_at_their_statement()
    {
        using var project = new HealthProject();
        var created = project.Migration(
            "CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);\n"
            + "CREATE TABLE audit (id bigint PRIMARY KEY, note text NOT NULL);\n");
        var granted = project.Migration(
            "SELECT 1;\n"
            + "GRANT SELECT ON ledger TO PUBLIC;\n"
            + "GRANT UPDATE (note) ON audit TO PUBLIC;\n"
            + "COMMENT ON TABLE audit IS 'who did what';\n"
            + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;\n");

        var result = await project.RunObservedAsync(server);

        var ledger = Assert.Single(result.Findings, f => f.RuleId == "DBG303" && f.Subject == "table public.ledger");
        Assert.Equal($"{created}:1:1", ledger.Location!.ToString());
        Assert.Equal([($"{granted}:2:1", "table public.ledger last changed by 0002_step")], ledger.Related.Select(r => (r.Location.ToString(), r.Message)));
        var audit = Assert.Single(result.Findings, f => f.RuleId == "DBG303" && f.Subject == "table public.audit");
        Assert.Equal($"{created}:2:1", audit.Location!.ToString());
        Assert.Equal(
            [($"{granted}:3:1", "table public.audit changed by 0002_step"), ($"{granted}:4:1", "table public.audit last changed by 0002_step")],
            audit.Related.Select(r => (r.Location.ToString(), r.Message)));
        var defaults = Assert.Single(result.Findings, f => f.RuleId == "DBG305");
        Assert.Equal($"{granted}:5:1", defaults.Location!.ToString());
    }

    [Fact]
    public async Task With_the_lint_a_renamed_table_keeps_its_origin_a_renamed_key_column_is_a_change_of_the_key_a_rebuilt_index_keeps_its_origin_and_a_key_dropped_and_added_again_is_located_where_it_was_added_again()
    {
        using var project = new HealthProject();
        var created = project.Migration(
            "CREATE TABLE packages (id serial PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE keywords (id bigint PRIMARY KEY, keyword varchar NOT NULL UNIQUE);\n"
            + "CREATE INDEX keywords_keyword_idx ON keywords (keyword);\n");
        project.Migration(
            "CREATE TABLE users (id bigint PRIMARY KEY);\n"
            + "CREATE TABLE items (id bigint PRIMARY KEY, user_id bigint NOT NULL CONSTRAINT items_user_fk REFERENCES users);\n"
            + "CREATE TABLE notes (id bigint PRIMARY KEY, author bigint NOT NULL CONSTRAINT notes_author_fk REFERENCES users);\n");
        var renamed = project.Migration("SELECT 1;\nALTER TABLE packages RENAME TO crates;\nALTER TABLE notes RENAME COLUMN author TO author_id;\n"
            + "ALTER TABLE keywords ALTER COLUMN keyword TYPE text;\n");
        var readded = project.Migration(
            "SELECT 1;\n"
            + "ALTER TABLE items DROP CONSTRAINT items_user_fk,\n"
            + "    ADD CONSTRAINT items_user_fk FOREIGN KEY (user_id) REFERENCES users ON DELETE CASCADE;\n");

        var result = await project.RunObservedAsync(server);

        var serial = Assert.Single(result.Findings, f => f.RuleId == "DBG212");
        Assert.Equal("column public.crates.id", serial.Subject);
        Assert.Equal($"{created}:1:1", serial.Location!.ToString());
        Assert.Equal([$"{renamed}:2:1"], serial.Related.Select(r => r.Location.ToString()));
        // Renaming the key's column changes the key's definition, not its catalog row: the rename is its change.
        var renamedColumn = Assert.Single(result.Findings, f => f.Subject == "constraint public.notes.notes_author_fk");
        Assert.Equal("0002_step.up.sql:3:1", renamedColumn.Location!.ToString());
        Assert.Equal([$"{renamed}:3:1"], renamedColumn.Related.Select(r => r.Location.ToString()));
        // ALTER COLUMN TYPE rebuilt the index under a new oid, defined as before: still the one CREATE INDEX made.
        var duplicate = Assert.Single(result.Findings, f => f.RuleId == "DBG203");
        Assert.Equal(("index public.keywords_keyword_idx", $"{created}:3:1"), (duplicate.Subject, duplicate.Location!.ToString()));
        var foreignKey = Assert.Single(result.Findings, f => f.Subject == "constraint public.items.items_user_fk");
        Assert.Equal($"{readded}:2:1", foreignKey.Location!.ToString());
        Assert.Equal("0004_step", foreignKey.Migration);
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
