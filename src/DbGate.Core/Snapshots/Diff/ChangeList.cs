using System.Collections;
using System.Globalization;

namespace DbGate.Core.Snapshots;

/// <summary>
/// Collects property changes as a reviewer would phrase them: "type integer became numeric",
/// "default 0 was removed", "NOT NULL became nullable".
/// </summary>
internal sealed class ChangeList : IEnumerable<string>
{
    private readonly List<string> changes = [];

    public bool IsEmpty => changes.Count == 0;

    /// <summary>A value shown in full; null means the property is absent.</summary>
    public ChangeList Value(string property, string? expected, string? actual)
    {
        if (expected == actual)
        {
            return this;
        }
        changes.Add((expected, actual) switch
        {
            (null, _) => $"{property} {actual} was added",
            (_, null) => $"{property} {expected} was removed",
            _ => $"{property} {expected} became {actual}",
        });
        return this;
    }

    public ChangeList Value(string property, long expected, long actual) =>
        Value(property, expected.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture));

    public ChangeList Value(string property, double expected, double actual) =>
        Value(property, expected.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture));

    /// <summary>A keyword-like value: "ON DELETE CASCADE became NO ACTION".</summary>
    public ChangeList Word(string property, string? expected, string? actual) =>
        expected == actual ? this : Add($"{property} {expected ?? "none"} became {actual ?? "none"}".TrimStart());

    /// <summary>Free text, quoted so that its boundaries are visible: comments.</summary>
    public ChangeList Text(string property, string? expected, string? actual) =>
        Value(property, Quote(expected), Quote(actual));

    /// <summary>Text too long to show, such as a function body: only says that it differs.</summary>
    public ChangeList Long(string property, string? expected, string? actual)
    {
        if (expected == actual)
        {
            return this;
        }
        return Add(expected is null ? $"{property} was added" : actual is null ? $"{property} was removed" : $"{property} differs");
    }

    public ChangeList Flag(string property, bool expected, bool actual, string whenTrue, string whenFalse) =>
        Word(property, expected ? whenTrue : whenFalse, actual ? whenTrue : whenFalse);

    public ChangeList List(string property, IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected.SequenceEqual(actual, StringComparer.Ordinal) ? this : Add($"{property} {Listed(expected)} became {Listed(actual)}");

    public ChangeList Privileges(PrivilegeSet? expected, PrivilegeSet? actual)
    {
        Value("owner", expected?.Owner, actual?.Owner);
        return expected is null || actual is null ? this : List("grants", expected.Acl, actual.Acl);
    }

    public ChangeList Add(string change)
    {
        changes.Add(change);
        return this;
    }

    public IEnumerator<string> GetEnumerator() => changes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static string Listed(IEnumerable<string> items)
    {
        var joined = string.Join(", ", items);
        return joined.Length == 0 ? "none" : $"({joined})";
    }

    private static string? Quote(string? text) => text is null ? null : $"\"{text}\"";
}
