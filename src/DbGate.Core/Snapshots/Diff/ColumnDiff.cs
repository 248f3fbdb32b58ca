namespace DbGate.Core.Snapshots;

/// <summary>Columns of a table or view, attributes of a composite type.</summary>
internal static class ColumnDiff
{
    /// <param name="owner">The qualified name of the table, view or type.</param>
    /// <param name="ownerKind">What a difference in order is reported against.</param>
    /// <param name="noun">"column" or "attribute".</param>
    public static void Compare(
        string owner,
        SchemaObjectKind ownerKind,
        string noun,
        IReadOnlyList<ColumnDefinition> expected,
        IReadOnlyList<ColumnDefinition> actual,
        DifferenceCollector differences)
    {
        Matching.Match(expected, actual, c => c.Name,
            c => differences.Missing(SchemaObjectKind.Column, $"{owner}.{c.Name}", $"{noun} {owner}.{c.Name}"),
            c => differences.Unexpected(SchemaObjectKind.Column, $"{owner}.{c.Name}", $"{noun} {owner}.{c.Name}"),
            (e, a) => differences.Changed(SchemaObjectKind.Column, $"{owner}.{e.Name}", $"{noun} {owner}.{e.Name}", Changes(e, a)));
        CompareOrder(owner, ownerKind, noun, expected, actual, differences);
    }

    public static ChangeList Changes(ColumnDefinition e, ColumnDefinition a) =>
        new ChangeList()
            .Value("type", e.Type, a.Type)
            .Flag("", e.NotNull, a.NotNull, "NOT NULL", "nullable")
            .Value("default", e.Default, a.Default)
            .Value("generated expression", e.Generated, a.Generated)
            .Value("identity", e.Identity, a.Identity)
            .Value("collation", e.Collation, a.Collation)
            .Value("storage", e.Storage, a.Storage)
            .Value("compression", e.Compression, a.Compression)
            .Text("comment", e.Comment, a.Comment)
            .List("grants", e.Acl ?? [], a.Acl ?? []);

    // Order is only worth a word when nothing was added or lost: a missing column already explains a shifted list.
    private static void CompareOrder(
        string owner,
        SchemaObjectKind ownerKind,
        string noun,
        IReadOnlyList<ColumnDefinition> expected,
        IReadOnlyList<ColumnDefinition> actual,
        DifferenceCollector differences)
    {
        var expectedNames = expected.Select(c => c.Name).ToList();
        var actualNames = actual.Select(c => c.Name).ToList();
        if (expectedNames.SequenceEqual(actualNames, StringComparer.Ordinal)
            || expectedNames.Count != actualNames.Count
            || !expectedNames.ToHashSet(StringComparer.Ordinal).SetEquals(actualNames))
        {
            return;
        }
        differences.Add(DifferenceKind.ColumnOrder, ownerKind, owner,
            $"{noun}s of {owner} are in a different order: expected {ChangeList.Listed(expectedNames)}, found {ChangeList.Listed(actualNames)}");
    }
}
