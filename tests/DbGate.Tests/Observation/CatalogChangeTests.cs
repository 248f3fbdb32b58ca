using DbGate.Core.Observation;
using DbGate.Core.Snapshots;
using DbGate.Core.Sql;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Observation;

/// <summary>
/// Each statement's list of created, altered and dropped objects names them as the schema snapshot does, and agrees
/// with the snapshots read right before and right after the statement: issue 20's provenance is built on it.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CatalogChangeTests(PostgresFixture server)
{
    private const string Setup = """
        CREATE TABLE old_t (id int PRIMARY KEY, name text);
        CREATE TABLE gone (id int, CONSTRAINT gone_id_positive CHECK (id > 0));
        CREATE INDEX gone_id_idx ON gone (id);
        CREATE TYPE mood AS ENUM ('ok');
        CREATE FUNCTION old_f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
        """;

    private const string Script = """
        CREATE SCHEMA app;
        CREATE TABLE app.items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sku text UNIQUE, price numeric CHECK (price >= 0), old_id int REFERENCES old_t (id));
        CREATE INDEX items_price_idx ON app.items (price);
        CREATE VIEW app.cheap AS SELECT id, price FROM app.items WHERE price < 10;
        CREATE MATERIALIZED VIEW app.counts AS SELECT count(*) AS n FROM app.items;
        CREATE SEQUENCE app.seq;
        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
        CREATE TRIGGER items_touch BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch();
        CREATE POLICY items_all ON app.items USING (true);
        ALTER POLICY items_all ON app.items USING (price IS NOT NULL);
        ALTER TABLE app.items ENABLE ROW LEVEL SECURITY;
        ALTER TABLE app.items SET (fillfactor = 70);
        ALTER TABLE app.items REPLICA IDENTITY FULL;
        ALTER TABLE app.items DISABLE TRIGGER items_touch;
        CREATE DOMAIN app.positive AS integer CONSTRAINT positive_value CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (a integer, b integer);
        ALTER TYPE mood ADD VALUE 'sad';
        ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
        ALTER DOMAIN app.positive SET DEFAULT 1;
        ALTER DOMAIN app.positive ADD CONSTRAINT below_million CHECK (VALUE < 1000000);
        ALTER SEQUENCE app.seq INCREMENT BY 5;
        CREATE OR REPLACE VIEW app.cheap AS SELECT id, price FROM app.items WHERE price < 5;
        ALTER TABLE old_t ADD CONSTRAINT old_t_name_key UNIQUE (name);
        ALTER TABLE old_t ALTER COLUMN name SET NOT NULL;
        ALTER TABLE old_t ALTER COLUMN name SET STORAGE EXTERNAL;
        ALTER TABLE old_t ADD COLUMN note text;
        ALTER TABLE old_t ALTER COLUMN note SET DEFAULT 'x';
        ALTER TABLE old_t ALTER COLUMN note TYPE varchar(20);
        ALTER TABLE old_t RENAME COLUMN name TO full_name;
        CREATE OR REPLACE FUNCTION old_f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a + 1';
        ALTER TABLE app.items DROP COLUMN sku;
        DROP FUNCTION old_f(integer);
        DROP TABLE gone;
        DROP INDEX app.items_price_idx;
        """;

    [Fact]
    public async Task Every_statement_lists_what_the_snapshots_around_it_show_created_altered_and_dropped_under_their_keys()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var connection = await db.OpenAsync();
        await ObservationHarness.ExecuteAsync(connection, Setup);
        var observer = new ScriptObserver((await Baseline.ReadAsync(connection, CancellationToken.None)).Fork(), ObservationHarness.Load(Script).Script, Core.Results.Phase.Up, inDbGateTransaction: true);
        await using var transaction = await connection.BeginTransactionAsync();

        var problems = new List<string>();
        var before = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
        foreach (var statement in SqlSplitter.Split(Script))
        {
            await observer.ExecuteAsync(connection, statement, statement.Text, CancellationToken.None);
            var after = await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, CancellationToken.None);
            problems.AddRange(Disagreements(observer.Statements[^1], before, after).Select(p => $"{FirstLine(statement.Text)}: {p}"));
            before = after;
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_statement_lists_the_objects_it_created_with_their_rows()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, "CREATE TABLE app_orders (id int PRIMARY KEY, total numeric NOT NULL DEFAULT 0);");

        Assert.Equal(
            [
                "Created table public.app_orders",
                "Created index public.app_orders_pkey",
                "Created column public.app_orders.id",
                "Created column public.app_orders.total",
                "Created constraint public.app_orders.app_orders_pkey",
            ],
            observed.Statements[0].Changes.Names());
        var total = observed.Statements[0].Changes.Single(c => c.Target.Name == "public.app_orders.total").After!;
        Assert.Equal(("numeric", true, true), (total.Type, total.NotNull, total.HasDefault));
    }

    [Fact]
    public async Task A_rename_is_an_alteration_under_the_new_key_whose_row_before_has_the_old_name()
    {
        await using var db = await server.CreateDatabaseAsync();

        var observed = await ObservationHarness.RunAsync(db.ConnectionString, Setup, "ALTER TABLE old_t RENAME COLUMN name TO full_name;");

        var rename = Assert.Single(observed.Statements[0].Changes);
        Assert.Equal((ChangeKind.Altered, "public.old_t.full_name", "name", true), (rename.Kind, rename.Target.Name, rename.Before?.Name, rename.PreExisting));
    }

    /// <summary>What the statement's changes say that the snapshots do not, and what the snapshots show that they miss.</summary>
    private static IEnumerable<string> Disagreements(StatementObservation statement, SchemaSnapshot before, SchemaSnapshot after)
    {
        var had = Keys(before);
        var has = Keys(after);
        var renamedFrom = statement.Changes.Where(IsRename).Select(c => c.Target with { Name = c.Target.Name[..(c.Target.Name.LastIndexOf('.') + 1)] + c.Before!.Name }).ToHashSet();
        foreach (var change in statement.Changes)
        {
            var ok = change.Kind switch
            {
                ChangeKind.Created => !had.Contains(change.Target) && has.Contains(change.Target),
                ChangeKind.Dropped => had.Contains(change.Target) && !has.Contains(change.Target),
                _ => has.Contains(change.Target) && (had.Contains(change.Target) || IsRename(change)),
            };
            if (!ok)
                yield return $"{change.Kind} {change.Target} is not what the snapshots show";
        }
        var listed = statement.Changes.Select(c => (c.Kind, c.Target)).ToHashSet();
        foreach (var difference in SchemaDiff.Compare(before, after))
        {
            var key = new ObjectId(difference.ObjectKind, difference.ObjectName);
            var found = difference.Kind switch
            {
                DifferenceKind.Unexpected => listed.Contains((ChangeKind.Created, key)) || listed.Contains((ChangeKind.Altered, key)),
                DifferenceKind.Missing => listed.Contains((ChangeKind.Dropped, key)) || renamedFrom.Contains(key),
                // A rename changes how dependants print (a constraint's columns, a view's query) without writing their
                // rows; the rename itself is what is listed.
                _ => listed.Any(l => l.Target == key) || statement.Changes.Any(IsRename),
            };
            if (!found)
                yield return $"the snapshots show {difference.Kind} {key} ({difference.Description}), the statement lists {string.Join(", ", listed.Select(l => $"{l.Kind} {l.Target}"))}";
        }
    }

    private static bool IsRename(CatalogChange change) =>
        change.Kind == ChangeKind.Altered && change.Before?.Name is { } old && change.After?.Name is { } now && old != now;

    private static HashSet<ObjectId> Keys(SchemaSnapshot s)
    {
        IEnumerable<ObjectId> All()
        {
            foreach (var x in s.Schemas) yield return new(SchemaObjectKind.Schema, x.Name);
            foreach (var x in s.Extensions) yield return new(SchemaObjectKind.Extension, x.Name);
            foreach (var t in s.Tables)
            {
                yield return new(SchemaObjectKind.Table, t.QualifiedName);
                foreach (var c in t.Columns) yield return new(SchemaObjectKind.Column, $"{t.QualifiedName}.{c.Name}");
            }
            foreach (var x in s.Constraints)
            {
                yield return new(SchemaObjectKind.Constraint, $"{x.QualifiedTable}.{x.Name}");
                // The snapshot describes the index of a key or exclusion constraint through the constraint; the
                // observation lists it as an index too (same name, the table's schema), as the lint needs its build.
                if (x.Type is "PRIMARY KEY" or "UNIQUE" or "EXCLUDE")
                    yield return new(SchemaObjectKind.Index, $"{x.Schema}.{x.Name}");
            }
            foreach (var x in s.Indexes) yield return new(SchemaObjectKind.Index, x.QualifiedName);
            foreach (var x in s.Views) yield return new(x.Materialized ? SchemaObjectKind.MaterializedView : SchemaObjectKind.View, x.QualifiedName);
            foreach (var x in s.Sequences) yield return new(SchemaObjectKind.Sequence, x.QualifiedName);
            foreach (var x in s.Routines) yield return new(SchemaObjectKind.Routine, x.Signature);
            foreach (var x in s.Triggers) yield return new(SchemaObjectKind.Trigger, $"{x.QualifiedTable}.{x.Name}");
            foreach (var x in s.Policies) yield return new(SchemaObjectKind.Policy, $"{x.QualifiedTable}.{x.Name}");
            foreach (var x in s.Enums) yield return new(SchemaObjectKind.EnumType, x.QualifiedName);
            foreach (var d in s.Domains)
            {
                yield return new(SchemaObjectKind.Domain, d.QualifiedName);
                foreach (var c in d.Constraints) yield return new(SchemaObjectKind.Constraint, $"{d.QualifiedName}.{c.Name}");
            }
            foreach (var x in s.CompositeTypes) yield return new(SchemaObjectKind.CompositeType, x.QualifiedName);
        }
        return [.. All()];
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
