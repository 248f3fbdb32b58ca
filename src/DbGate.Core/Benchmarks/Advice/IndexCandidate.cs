using System.Text;

namespace DbGate.Core.Benchmarks.Advice;

/// <summary>An index DbGate may advise: key columns (with their order), INCLUDE columns, and a partial predicate.</summary>
/// <param name="Where">Conditions on columns that cannot come from a parameter (<c>deleted_at IS NULL</c>), ANDed; empty for a full index.</param>
internal sealed record IndexCandidate(string Schema, string Table, IReadOnlyList<SortColumn> Keys, IReadOnlyList<string> Include, IReadOnlyList<PlanCondition> Where)
{
    /// <summary>orders_customer_id_placed_at_idx: the table and key columns, within PostgreSQL's 63 bytes.</summary>
    public string Name
    {
        get
        {
            var name = $"{Table}_{string.Join("_", Keys.Select(k => k.Column))}{(Where.Count > 0 ? "_partial" : "")}_idx";
            while (Encoding.UTF8.GetByteCount(name) > 63)
                name = name[..^5] + "_idx";
            return name;
        }
    }

    /// <summary>Columns in the index, keys and INCLUDE: fewer is cheaper to keep up to date.</summary>
    public int Width => Keys.Count + Include.Count;

    /// <param name="quote">Quotes an identifier as PostgreSQL's quote_ident would.</param>
    public string Create(Func<string, string> quote, bool concurrently)
    {
        var keys = string.Join(", ", Keys.Select(k => quote(k.Column) + (k.Descending ? " DESC" : "") + (k.Nulls is { } nulls ? $" NULLS {nulls}" : "")));
        var include = Include.Count == 0 ? "" : $" INCLUDE ({string.Join(", ", Include.Select(quote))})";
        var where = Where.Count == 0 ? "" : $" WHERE {string.Join(" AND ", Where.Select(c => $"{quote(c.Column)} {(c.Kind == ConditionKind.IsNull ? "IS NULL" : "IS NOT NULL")}"))}";
        return $"CREATE INDEX{(concurrently ? " CONCURRENTLY" : "")} {quote(Name)} ON {quote(Schema)}.{quote(Table)} ({keys}){include}{where}";
    }

    /// <summary>The identifiers <see cref="Create"/> needs quoted.</summary>
    public IEnumerable<string> Identifiers() =>
        new[] { Name, Schema, Table }.Concat(Keys.Select(k => k.Column)).Concat(Include).Concat(Where.Select(c => c.Column));
}
