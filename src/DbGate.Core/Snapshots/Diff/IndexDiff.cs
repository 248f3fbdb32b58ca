namespace DbGate.Core.Snapshots;

internal static class IndexDiff
{
    public static void Compare(IEnumerable<IndexDefinition> expected, IEnumerable<IndexDefinition> actual, DifferenceCollector differences)
    {
        Matching.Match(expected, actual, i => i.QualifiedName,
            i => differences.Missing(SchemaObjectKind.Index, i.QualifiedName, Label(i)),
            i => differences.Unexpected(SchemaObjectKind.Index, i.QualifiedName, Label(i)),
            (e, a) => differences.Changed(SchemaObjectKind.Index, e.QualifiedName, Label(e), Changes(e, a)));
    }

    private static string Label(IndexDefinition index) => $"index {index.QualifiedName}";

    private static ChangeList Changes(IndexDefinition e, IndexDefinition a)
    {
        // These restate parts of the statement; the statement itself is shown only when none of them explains the change.
        var changes = new ChangeList()
            .Value("table", e.Table, a.Table)
            .Word("method", e.Method, a.Method)
            .Flag("", e.Unique, a.Unique, "UNIQUE", "not unique")
            .List("key columns", e.KeyColumns, a.KeyColumns)
            .List("included columns", e.IncludedColumns, a.IncludedColumns)
            .Value("predicate", e.Predicate, a.Predicate);
        if (changes.IsEmpty)
        {
            changes.Value("definition", e.Statement, a.Statement);
        }
        return changes
            .Flag("", e.Valid, a.Valid, "valid", "INVALID")
            .Flag("", e.Ready, a.Ready, "ready", "not ready")
            .Flag("", e.Clustered, a.Clustered, "clustered", "not clustered")
            .Flag("", e.ReplicaIdentity, a.ReplicaIdentity, "replica identity", "not replica identity")
            .Text("comment", e.Comment, a.Comment);
    }
}
