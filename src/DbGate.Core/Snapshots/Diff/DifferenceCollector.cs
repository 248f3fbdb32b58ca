namespace DbGate.Core.Snapshots;

/// <summary>Words every difference the same way: "<i>label</i> is missing", "<i>label</i>: <i>change</i>".</summary>
internal sealed class DifferenceCollector
{
    private readonly List<SchemaDifference> differences = [];

    public void Missing(SchemaObjectKind kind, string name, string label) =>
        Add(DifferenceKind.Missing, kind, name, $"{label} is missing");

    public void Unexpected(SchemaObjectKind kind, string name, string label) =>
        Add(DifferenceKind.Unexpected, kind, name, $"{label} was left behind");

    public void Changed(SchemaObjectKind kind, string name, string label, ChangeList changes)
    {
        foreach (var change in changes)
        {
            Add(DifferenceKind.Changed, kind, name, $"{label}: {change}");
        }
    }

    public void Add(DifferenceKind kind, SchemaObjectKind objectKind, string name, string description) =>
        differences.Add(new SchemaDifference(kind, objectKind, name, description));

    /// <summary>By object kind, then name, then kind of difference, so that the same change always reads the same.</summary>
    public IReadOnlyList<SchemaDifference> ToSortedList() =>
        [.. differences
            .OrderBy(d => d.ObjectKind)
            .ThenBy(d => d.ObjectName, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ThenBy(d => d.Description, StringComparer.Ordinal)];
}
