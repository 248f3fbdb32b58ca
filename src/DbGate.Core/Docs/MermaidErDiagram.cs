using System.Text;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Docs;

/// <summary>
/// A Mermaid <c>erDiagram</c> of tables and their foreign keys. Entities are named schema.table in quotes; attribute
/// types and names keep only the characters Mermaid's grammar allows, so any schema renders.
/// </summary>
internal static class MermaidErDiagram
{
    /// <param name="tables">The tables to show (schema.name); null for all.</param>
    /// <param name="withNeighbours">Also show the tables those reference or are referenced by, for context.</param>
    public static string Render(SchemaSnapshot snapshot, IReadOnlySet<string>? tables, bool withNeighbours = false)
    {
        var shown = tables is null ? snapshot.Tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(tables, StringComparer.Ordinal);
        var keys = snapshot.Constraints.Where(c => c.Type == "FOREIGN KEY" && c.References is not null).ToList();
        if (withNeighbours)
        {
            foreach (var fk in keys.Where(k => shown.Contains(k.QualifiedTable) || shown.Contains(k.References!)).ToList())
            {
                shown.Add(fk.QualifiedTable);
                shown.Add(fk.References!);
            }
        }
        var text = new StringBuilder("erDiagram\n");
        foreach (var table in snapshot.Tables.Where(t => shown.Contains(t.QualifiedName)))
        {
            var primary = snapshot.Constraints.FirstOrDefault(c => c.QualifiedTable == table.QualifiedName && c.Type == "PRIMARY KEY")?.Columns ?? [];
            var foreign = keys.Where(k => k.QualifiedTable == table.QualifiedName).SelectMany(k => k.Columns).ToHashSet(StringComparer.Ordinal);
            text.Append("    ").Append(Entity(table.QualifiedName)).Append(" {\n");
            foreach (var column in table.Columns)
            {
                var marks = string.Join(",", new[] { (primary.Contains(column.Name), "PK"), (foreign.Contains(column.Name), "FK") }.Where(m => m.Item1).Select(m => m.Item2));
                text.Append("        ").Append(Word(column.Type)).Append(' ').Append(Word(column.Name));
                if (marks.Length > 0)
                    text.Append(' ').Append(marks);
                text.Append('\n');
            }
            text.Append("    }\n");
        }
        foreach (var fk in keys.Where(k => shown.Contains(k.QualifiedTable) && shown.Contains(k.References!)))
        {
            var child = snapshot.Tables.First(t => t.QualifiedName == fk.QualifiedTable);
            var optional = fk.Columns.Any(c => child.Columns.FirstOrDefault(col => col.Name == c) is { NotNull: false });
            var oneToOne = snapshot.Constraints.Any(c => c.QualifiedTable == fk.QualifiedTable && c.Type is "PRIMARY KEY" or "UNIQUE" && c.Columns.SequenceEqual(fk.Columns));
            text.Append("    ").Append(Entity(fk.References!)).Append(' ').Append(optional ? "|o" : "||").Append("--").Append(oneToOne ? "o|" : "o{")
                .Append(' ').Append(Entity(fk.QualifiedTable)).Append(" : \"").Append(Label(fk.Name)).Append("\"\n");
        }
        return text.ToString();
    }

    private static string Entity(string name) => "\"" + Label(name) + "\"";

    private static string Label(string text) => text.Replace('"', '\'').Replace('\n', ' ');

    /// <summary>Mermaid's attribute words: letters, digits and _-[](),; anything else becomes '_'.</summary>
    private static string Word(string text)
    {
        var word = new StringBuilder(text.Length);
        foreach (var c in text)
            word.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '[' or ']' or '(' or ')' or ',' ? c : '_');
        if (word.Length == 0 || !char.IsAsciiLetter(word[0]) && word[0] != '_')
            word.Insert(0, '_');
        return word.ToString();
    }
}
