namespace DbGate.Core.Snapshots;

internal static class ConstraintDiff
{
    public static void Compare(
        IEnumerable<ConstraintDefinition> expected,
        IEnumerable<ConstraintDefinition> actual,
        DifferenceCollector differences)
    {
        Matching.Match(expected, actual, Name,
            c => differences.Missing(SchemaObjectKind.Constraint, Name(c), Label(c)),
            c => differences.Unexpected(SchemaObjectKind.Constraint, Name(c), Label(c)),
            (e, a) => differences.Changed(SchemaObjectKind.Constraint, Name(e), Label(e), Changes(e, a)));
    }

    private static string Name(ConstraintDefinition c) => $"{c.QualifiedTable}.{c.Name}";

    private static string Label(ConstraintDefinition c) => $"constraint {c.Name} on {c.QualifiedTable}";

    // The clause says everything but reads poorly as a diff; it is shown only when no named property explains the change.
    private static ChangeList Changes(ConstraintDefinition e, ConstraintDefinition a)
    {
        var changes = new ChangeList()
            .Word("", e.Type, a.Type)
            .List("columns", e.Columns, a.Columns)
            .Value("references", e.References, a.References)
            .List("referenced columns", e.ReferencedColumns, a.ReferencedColumns)
            .Word("ON UPDATE", e.OnUpdate, a.OnUpdate)
            .Word("ON DELETE", e.OnDelete, a.OnDelete)
            .Word("", e.Match, a.Match)
            .Flag("", e.Deferrable, a.Deferrable, "DEFERRABLE", "NOT DEFERRABLE")
            .Flag("", e.Deferred, a.Deferred, "INITIALLY DEFERRED", "INITIALLY IMMEDIATE")
            .Flag("", e.Validated, a.Validated, "validated", "NOT VALID")
            .Flag("", e.NoInherit, a.NoInherit, "NO INHERIT", "inherited");
        if (changes.IsEmpty)
        {
            changes.Value("definition", e.Clause, a.Clause);
        }
        return changes.Text("comment", e.Comment, a.Comment);
    }
}
