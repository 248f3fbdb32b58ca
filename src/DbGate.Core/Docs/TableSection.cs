using System.Text;
using DbGate.Core.Reports;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Docs;

/// <summary>A table's part of its schema page: columns, constraints, indexes, and the keys in and out.</summary>
internal static class TableSection
{
    public static void Render(StringBuilder md, SchemaSnapshot snapshot, TableDefinition table)
    {
        md.Append($"## {MarkdownText.Inline(table.QualifiedName)}\n\n");
        if (table.Comment is not null)
            md.Append(MarkdownText.Inline(table.Comment)).Append("\n\n");
        if (table.PartitionKey is not null)
            md.Append($"Partitioned by {MarkdownText.Code(table.PartitionKey)}.\n\n");
        if (table.PartitionBound is not null)
            md.Append($"Partition of {MarkdownText.Inline(string.Join(", ", table.Parents))} {MarkdownText.Code(table.PartitionBound)}.\n\n");
        if (table.RowSecurity)
            md.Append(table.ForceRowSecurity ? "Row-level security: enabled, forced.\n\n" : "Row-level security: enabled.\n\n");

        md.Append(Reports.MarkdownText.TableHeader("Column", "Type", "Default", "Nullable", "Comment"));
        foreach (var c in table.Columns)
        {
            var value = c.Identity is { } identity ? $"identity ({identity.ToLowerInvariant()})" : c.Generated is { } generated ? $"generated: {generated}" : c.Default;
            md.Append($"| {MarkdownText.Inline(c.Name)} | {MarkdownText.Inline(c.Type)} | {(value is null ? "" : MarkdownText.Code(value))} | {(c.NotNull ? "no" : "yes")} | {DataDictionary.Cell(c.Comment)} |\n");
        }
        md.Append('\n');

        var constraints = snapshot.Constraints.Where(c => c.QualifiedTable == table.QualifiedName).ToList();
        if (constraints.Count > 0)
        {
            md.Append(Reports.MarkdownText.TableHeader("Constraint", "Type", "Definition"));
            foreach (var c in constraints)
                md.Append($"| {MarkdownText.Inline(c.Name)} | {c.Type}{(c.Validated ? "" : " (NOT VALID)")} | {MarkdownText.Code(c.Clause)} |\n");
            md.Append('\n');
        }
        var indexes = snapshot.Indexes.Where(i => i.QualifiedTable == table.QualifiedName).ToList();
        if (indexes.Count > 0)
        {
            md.Append(Reports.MarkdownText.TableHeader("Index", "Definition"));
            foreach (var i in indexes)
                md.Append($"| {MarkdownText.Inline(i.Name)} | {MarkdownText.Code(i.Statement)}{(i.Valid ? "" : " (INVALID)")} |\n");
            md.Append('\n');
        }
        var references = constraints.Where(c => c.Type == "FOREIGN KEY" && c.References is not null).Select(c => Link(c.References!)).Distinct(StringComparer.Ordinal).ToList();
        var referencedBy = snapshot.Constraints.Where(c => c.Type == "FOREIGN KEY" && c.References == table.QualifiedName).Select(c => Link(c.QualifiedTable)).Distinct(StringComparer.Ordinal).ToList();
        if (references.Count > 0)
            md.Append("References: ").Append(string.Join(", ", references)).Append("\n\n");
        if (referencedBy.Count > 0)
            md.Append("Referenced by: ").Append(string.Join(", ", referencedBy)).Append("\n\n");
    }

    private static string Link(string qualifiedName)
    {
        var (schema, _) = Rules.Schema.SchemaModel.Split(qualifiedName);
        return $"[{MarkdownText.Inline(qualifiedName)}]({Uri.EscapeDataString(schema)}.md#{SchemaPage.Anchor(qualifiedName)})";
    }
}
