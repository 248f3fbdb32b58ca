namespace DbGate.Core.Snapshots;

/// <summary>Says how the schema that is there differs from the one that should be.</summary>
public static class SchemaDiff
{
    /// <summary>
    /// Compares two snapshots. Returns nothing when they are equal, which for two snapshots read from identical
    /// documents is known without comparing them.
    /// What lives in a missing or left-behind schema, and what belongs to a missing or left-behind table or view
    /// (its indexes, constraints, triggers, policies, owned sequences), is not reported again on its own.
    /// The result is sorted by object kind, then name.
    /// </summary>
    /// <param name="expected">The schema the step should produce or restore.</param>
    /// <param name="actual">The schema that is there.</param>
    public static IReadOnlyList<SchemaDifference> Compare(SchemaSnapshot expected, SchemaSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (SnapshotDigest.ReadFromSameDocument(expected, actual) || expected.Equals(actual))
        {
            return [];
        }

        var differences = new DifferenceCollector();
        var scope = new DiffScope();
        DatabaseDiff.Compare(expected, actual, differences, scope.VanishedSchemas);
        TableDiff.Compare(scope.Keep(expected.Tables, t => t.Schema), scope.Keep(actual.Tables, t => t.Schema), differences, scope.VanishedRelations);
        ViewDiff.Compare(scope.Keep(expected.Views, v => v.Schema), scope.Keep(actual.Views, v => v.Schema), differences, scope.VanishedRelations);
        ConstraintDiff.Compare(scope.Keep(expected.Constraints), scope.Keep(actual.Constraints), differences);
        IndexDiff.Compare(scope.Keep(expected.Indexes), scope.Keep(actual.Indexes), differences);
        TriggerDiff.Compare(scope.Keep(expected.Triggers), scope.Keep(actual.Triggers), differences);
        PolicyDiff.Compare(scope.Keep(expected.Policies), scope.Keep(actual.Policies), differences);
        SequenceDiff.Compare(scope.Keep(expected.Sequences), scope.Keep(actual.Sequences), differences);
        RoutineDiff.Compare(scope.Keep(expected.Routines, r => r.Schema), scope.Keep(actual.Routines, r => r.Schema), differences);
        TypeDiff.Compare(scope.Keep(expected), scope.Keep(actual), differences);
        return differences.ToSortedList();
    }
}
