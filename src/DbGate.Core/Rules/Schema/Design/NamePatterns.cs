using System.Text.RegularExpressions;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>Expands health.naming's placeholders: {table} and {columns} (joined with '_') stand for the object's own names.</summary>
internal static class NamePatterns
{
    public static Regex Expand(string pattern, string table, IReadOnlyList<string?> columns)
    {
        var joined = columns.All(c => c is not null) ? Regex.Escape(string.Join("_", columns)) : ".*";
        return new Regex(pattern.Replace("{table}", Regex.Escape(table), StringComparison.Ordinal).Replace("{columns}", joined, StringComparison.Ordinal), RegexOptions.CultureInvariant);
    }
}
