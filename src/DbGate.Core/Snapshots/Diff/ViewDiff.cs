namespace DbGate.Core.Snapshots;

internal static class ViewDiff
{
    /// <param name="vanished">Receives the views that are missing or left behind, whose dependants go unreported.</param>
    public static void Compare(
        IEnumerable<ViewDefinition> expected,
        IEnumerable<ViewDefinition> actual,
        DifferenceCollector differences,
        ISet<string> vanished)
    {
        Matching.Match(expected, actual, v => v.QualifiedName,
            v =>
            {
                vanished.Add(v.QualifiedName);
                differences.Missing(Kind(v), v.QualifiedName, Label(v));
            },
            v =>
            {
                vanished.Add(v.QualifiedName);
                differences.Unexpected(Kind(v), v.QualifiedName, Label(v));
            },
            (e, a) =>
            {
                differences.Changed(Kind(e), e.QualifiedName, Label(e), Changes(e, a));
                // A view's columns follow from its query: once that differs, per-column noise adds nothing.
                if (e.Query == a.Query)
                {
                    ColumnDiff.Compare(e.QualifiedName, Kind(e), "column", e.Columns, a.Columns, differences);
                }
            });
    }

    private static SchemaObjectKind Kind(ViewDefinition view) =>
        view.Materialized ? SchemaObjectKind.MaterializedView : SchemaObjectKind.View;

    private static string Label(ViewDefinition view) =>
        $"{(view.Materialized ? "materialized view" : "view")} {view.QualifiedName}";

    private static ChangeList Changes(ViewDefinition e, ViewDefinition a) =>
        new ChangeList()
            .Flag("", e.Materialized, a.Materialized, "materialized view", "view")
            .Long("definition", e.Query, a.Query)
            .List("columns", Columns(e), Columns(a))
            .List("options", e.Options, a.Options)
            .Text("comment", e.Comment, a.Comment)
            .Privileges(e.Privileges, a.Privileges);

    private static List<string> Columns(ViewDefinition view) => [.. view.Columns.Select(c => $"{c.Name} {c.Type}")];
}
