namespace DbGate.Core.Configuration;

/// <summary>"Did you mean" for every name a user can mistype: keys, formats, plan node types, tables, columns, options.</summary>
public static class EditDistance
{
    /// <summary>
    /// The known name nearest to <paramref name="name"/> when it is near enough to be a typo (within 2 edits, or a
    /// third of the name's length when that is more); the first of equally near ones. Null when none is.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> known, bool ignoreCase = false)
    {
        var typed = ignoreCase ? name.ToLowerInvariant() : name;
        (string? Name, int Distance) closest = (null, Math.Max(2, name.Length / 3) + 1);
        foreach (var candidate in known)
        {
            var distance = Between(typed, ignoreCase ? candidate.ToLowerInvariant() : candidate);
            if (distance < closest.Distance)
                closest = (candidate, distance);
        }
        return closest.Name;
    }

    /// <summary>Levenshtein distance, for "did you mean" suggestions on short names.</summary>
    private static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
