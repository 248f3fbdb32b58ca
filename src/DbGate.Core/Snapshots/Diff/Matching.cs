namespace DbGate.Core.Snapshots;

/// <summary>Pairs up the objects of two snapshots by their identity (name, or signature for routines).</summary>
internal static class Matching
{
    public static void Match<T>(
        IEnumerable<T> expected,
        IEnumerable<T> actual,
        Func<T, string> key,
        Action<T> missing,
        Action<T> unexpected,
        Action<T, T> changed)
        where T : IEquatable<T>
    {
        var remaining = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in actual)
        {
            remaining.TryAdd(key(item), item);
        }
        foreach (var wanted in expected)
        {
            if (!remaining.Remove(key(wanted), out var found))
            {
                missing(wanted);
            }
            else if (!wanted.Equals(found))
            {
                changed(wanted, found);
            }
        }
        foreach (var leftOver in remaining.Values)
        {
            unexpected(leftOver);
        }
    }
}
