using System.Globalization;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG228: more indexes on one table than health.max_indexes.</summary>
internal sealed class TooManyIndexes() : SchemaRule("DBG228")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables)
        {
            var indexes = schema.IndexesOf(table.QualifiedName).ToList();
            if (indexes.Count <= schema.Settings.MaxIndexes)
                continue;
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"table {table.QualifiedName} has {indexes.Count.ToString(CultureInfo.InvariantCulture)} indexes, more than {schema.Settings.MaxIndexes.ToString(CultureInfo.InvariantCulture)} "
                + "(health.max_indexes): every INSERT and every non-HOT UPDATE writes each of them; drop those no query needs (pg_stat_user_indexes.idx_scan in production tells)")
                with { Details = [.. indexes.Select(i => i.QualifiedName)] };
        }
    }
}
