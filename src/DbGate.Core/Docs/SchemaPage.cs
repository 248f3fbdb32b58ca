using System.Text;
using DbGate.Core.Reports;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Docs;

/// <summary>One schema's page of the data dictionary.</summary>
internal static class SchemaPage
{
    public static string Render(SchemaSnapshot snapshot, string schema, string? comment)
    {
        var md = new StringBuilder($"# Schema {MarkdownText.Inline(schema)}\n\n");
        if (comment is not null)
            md.Append(MarkdownText.Inline(comment)).Append("\n\n");
        var tables = snapshot.Tables.Where(t => t.Schema == schema).ToList();
        if (tables.Count > 0)
        {
            md.Append("## Tables\n\n" + Reports.MarkdownText.TableHeader("Table", "Kind", "Columns", "Comment"));
            foreach (var t in tables)
                md.Append($"| [{MarkdownText.Inline(t.Name)}](#{Anchor(t.QualifiedName)}) | {t.Kind} | {Formats.Number(t.Columns.Count)} | {DataDictionary.Cell(t.Comment)} |\n");
            md.Append("\n## Relations\n\n```mermaid\n")
                .Append(MermaidErDiagram.Render(snapshot, tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal), withNeighbours: true))
                .Append("```\n\n");
            foreach (var t in tables)
                TableSection.Render(md, snapshot, t);
        }
        Views(md, snapshot, schema);
        Routines(md, snapshot, schema);
        Types(md, snapshot, schema);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>GitHub's heading anchor for "## schema.name": lower case, punctuation but '-' and '_' dropped.</summary>
    public static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());

    private static void Views(StringBuilder md, SchemaSnapshot snapshot, string schema)
    {
        foreach (var v in snapshot.Views.Where(v => v.Schema == schema))
        {
            md.Append($"## {MarkdownText.Inline(v.QualifiedName)}\n\n{(v.Materialized ? "Materialized view" : "View")}")
                .Append(v.Options.Count > 0 ? $" with ({MarkdownText.Inline(string.Join(", ", v.Options))})" : "").Append(".\n\n");
            if (v.Comment is not null)
                md.Append(MarkdownText.Inline(v.Comment)).Append("\n\n");
            md.Append(Reports.MarkdownText.TableHeader("Column", "Type"));
            foreach (var c in v.Columns)
                md.Append($"| {MarkdownText.Inline(c.Name)} | {MarkdownText.Inline(c.Type)} |\n");
            md.Append("\n```sql\n").Append(v.Query.Trim()).Append("\n```\n\n");
        }
    }

    private static void Routines(StringBuilder md, SchemaSnapshot snapshot, string schema)
    {
        var routines = snapshot.Routines.Where(r => r.Schema == schema).ToList();
        if (routines.Count == 0)
            return;
        md.Append("## Functions and procedures\n\n" + Reports.MarkdownText.TableHeader("Signature", "Kind", "Returns", "Language", "Security", "Comment"));
        foreach (var r in routines)
        {
            md.Append($"| {MarkdownText.Code(r.Signature)} | {r.Kind} | {MarkdownText.Inline(r.Returns ?? "")} | {MarkdownText.Inline(r.Language)} | "
                + $"{(r.SecurityDefiner ? "definer" : "invoker")} | {DataDictionary.Cell(r.Comment)} |\n");
        }
        md.Append('\n');
    }

    private static void Types(StringBuilder md, SchemaSnapshot snapshot, string schema)
    {
        var sequences = snapshot.Sequences.Where(s => s.Schema == schema).ToList();
        if (sequences.Count > 0)
        {
            md.Append("## Sequences\n\n" + Reports.MarkdownText.TableHeader("Sequence", "Type", "Owned by"));
            foreach (var s in sequences)
                md.Append($"| {MarkdownText.Inline(s.Name)} | {s.Type}{(s.Identity ? " (identity)" : "")} | {MarkdownText.Inline(s.OwnedByTable is null ? "" : s.OwnedByTable + "." + s.OwnedByColumn)} |\n");
            md.Append('\n');
        }
        var enums = snapshot.Enums.Where(e => e.Schema == schema).ToList();
        if (enums.Count > 0)
        {
            md.Append("## Enums\n\n" + Reports.MarkdownText.TableHeader("Enum", "Values", "Comment"));
            foreach (var e in enums)
                md.Append($"| {MarkdownText.Inline(e.Name)} | {MarkdownText.Inline(string.Join(", ", e.Labels))} | {DataDictionary.Cell(e.Comment)} |\n");
            md.Append('\n');
        }
        var domains = snapshot.Domains.Where(d => d.Schema == schema).ToList();
        if (domains.Count > 0)
        {
            md.Append("## Domains\n\n" + Reports.MarkdownText.TableHeader("Domain", "Type", "Not null", "Constraints", "Comment"));
            foreach (var d in domains)
                md.Append($"| {MarkdownText.Inline(d.Name)} | {MarkdownText.Inline(d.BaseType)} | {(d.NotNull ? "yes" : "no")} | {MarkdownText.Inline(string.Join("; ", d.Constraints.Select(c => c.Clause)))} | {DataDictionary.Cell(d.Comment)} |\n");
            md.Append('\n');
        }
    }
}
