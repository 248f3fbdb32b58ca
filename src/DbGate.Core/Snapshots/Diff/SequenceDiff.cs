namespace DbGate.Core.Snapshots;

internal static class SequenceDiff
{
    public static void Compare(IEnumerable<SequenceDefinition> expected, IEnumerable<SequenceDefinition> actual, DifferenceCollector differences)
    {
        Matching.Match(expected, actual, s => s.QualifiedName,
            s => differences.Missing(SchemaObjectKind.Sequence, s.QualifiedName, Label(s)),
            s => differences.Unexpected(SchemaObjectKind.Sequence, s.QualifiedName, Label(s)),
            (e, a) => differences.Changed(SchemaObjectKind.Sequence, e.QualifiedName, Label(e), Changes(e, a)));
    }

    private static string Label(SequenceDefinition sequence) => $"sequence {sequence.QualifiedName}";

    private static ChangeList Changes(SequenceDefinition e, SequenceDefinition a) =>
        new ChangeList()
            .Value("type", e.Type, a.Type)
            .Value("start", e.Start, a.Start)
            .Value("minimum", e.Minimum, a.Minimum)
            .Value("maximum", e.Maximum, a.Maximum)
            .Value("increment", e.Increment, a.Increment)
            .Flag("", e.Cycle, a.Cycle, "CYCLE", "NO CYCLE")
            .Value("cache", e.Cache, a.Cache)
            .Value("owner column", OwnedBy(e), OwnedBy(a))
            .Flag("", e.Identity, a.Identity, "identity sequence", "plain sequence")
            .Flag("", e.Unlogged, a.Unlogged, "UNLOGGED", "LOGGED")
            .Text("comment", e.Comment, a.Comment)
            .Privileges(e.Privileges, a.Privileges);

    private static string? OwnedBy(SequenceDefinition sequence) =>
        sequence.OwnedByTable is null ? null : $"{sequence.OwnedByTable}.{sequence.OwnedByColumn}";
}
