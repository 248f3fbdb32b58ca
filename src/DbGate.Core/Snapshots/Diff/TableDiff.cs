namespace DbGate.Core.Snapshots;

internal static class TableDiff
{
    /// <param name="vanished">Receives the tables that are missing or left behind, whose dependants go unreported.</param>
    public static void Compare(
        IEnumerable<TableDefinition> expected,
        IEnumerable<TableDefinition> actual,
        DifferenceCollector differences,
        ISet<string> vanished)
    {
        Matching.Match(expected, actual, t => t.QualifiedName,
            t =>
            {
                vanished.Add(t.QualifiedName);
                differences.Missing(SchemaObjectKind.Table, t.QualifiedName, Label(t));
            },
            t =>
            {
                vanished.Add(t.QualifiedName);
                differences.Unexpected(SchemaObjectKind.Table, t.QualifiedName, Label(t));
            },
            (e, a) =>
            {
                differences.Changed(SchemaObjectKind.Table, e.QualifiedName, Label(e), Changes(e, a));
                ColumnDiff.Compare(e.QualifiedName, SchemaObjectKind.Table, "column", e.Columns, a.Columns, differences);
            });
    }

    private static string Label(TableDefinition table) => $"{table.Kind} {table.QualifiedName}";

    private static ChangeList Changes(TableDefinition e, TableDefinition a) =>
        new ChangeList()
            .Word("kind", e.Kind, a.Kind)
            .Flag("", e.Unlogged, a.Unlogged, "UNLOGGED", "LOGGED")
            .Flag("row level security", e.RowSecurity, a.RowSecurity, "enabled", "disabled")
            .Flag("row level security", e.ForceRowSecurity, a.ForceRowSecurity, "forced", "not forced")
            .Value("partition key", e.PartitionKey, a.PartitionKey)
            .Value("partition bound", e.PartitionBound, a.PartitionBound)
            .List("parents", e.Parents, a.Parents)
            .Value("row type", e.OfType, a.OfType)
            .Value("access method", e.AccessMethod, a.AccessMethod)
            .List("options", e.Options, a.Options)
            .Word("replica identity", e.ReplicaIdentity, a.ReplicaIdentity)
            .Value("foreign server", e.ForeignServer, a.ForeignServer)
            .List("foreign options", e.ForeignOptions, a.ForeignOptions)
            .Text("comment", e.Comment, a.Comment)
            .Privileges(e.Privileges, a.Privileges);
}
