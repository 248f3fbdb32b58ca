using System.Globalization;
using System.Text.RegularExpressions;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Execution.Data;

/// <summary>
/// A plausible SQL literal for row <c>n</c> of a column, by its type. PostgreSQL, not this class, decides
/// whether the row is acceptable: rows it rejects (a CHECK, a unique key) are simply not seeded.
/// </summary>
internal static partial class SampleValues
{
    public static string? For(string type, int n, IReadOnlyDictionary<string, ValueList<string>> enumLabels)
    {
        var i = n.ToString(CultureInfo.InvariantCulture);
        if (type.EndsWith("[]", StringComparison.Ordinal))
            return "'{}'";
        if (enumLabels.TryGetValue(type, out var labels) && labels.Count > 0)
            return Quote(labels[n % labels.Count]);
        var bare = Modifier().Replace(type, "");
        return bare switch
        {
            "smallint" or "integer" or "bigint" => (1000 + n).ToString(CultureInfo.InvariantCulture),
            "numeric" or "real" or "double precision" or "money" => $"{1000 + n}.25",
            "text" or "character varying" or "character" or "citext" or "name" => Quote(Text(type, n)),
            "boolean" => n % 2 == 0 ? "true" : "false",
            "date" => $"'2024-01-{n + 1:00}'",
            "timestamp without time zone" or "timestamp with time zone" => $"'2024-01-{n + 1:00} 12:34:56.789'",
            "time without time zone" or "time with time zone" => $"'12:{n:00}:00'",
            "interval" => $"'{n + 1} days'",
            "uuid" => $"'00000000-0000-4000-8000-{n:000000000000}'",
            "json" or "jsonb" => $"'{{\"dbgate\": {i}}}'",
            "bytea" => $"'\\x0{n}'",
            "inet" or "cidr" => $"'10.0.0.{n + 1}'",
            "tsvector" => $"'dbgate{i}'",
            _ => null,
        };
    }

    /// <summary>Fits varchar(n) and char(n), so the value is not rejected for its length.</summary>
    private static string Text(string type, int n)
    {
        var text = $"dbgate sample {n}";
        return Length().Match(type) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var max && max < text.Length
            ? text[^max..]
            : text;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex Length();
}
