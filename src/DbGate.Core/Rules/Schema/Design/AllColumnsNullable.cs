using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG211: a table whose every column besides its key is nullable.</summary>
internal sealed class AllColumnsNullable() : SchemaRule("DBG211")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables)
        {
            var key = schema.PrimaryKey(table.QualifiedName)?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
            var others = table.Columns.Where(c => !key.Contains(c.Name)).ToList();
            if (others.Count == 0 || others.Any(c => c.NotNull))
                continue;
            yield return Found(ObjectId.Table(table.QualifiedName), table.QualifiedName,
                $"every column of {table.QualifiedName} besides its key is nullable ({Columns(others.Select(c => c.Name))}): a row of NULLs is as valid as a real one "
                + $"and every reader must handle NULL; ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ALTER COLUMN ... SET NOT NULL for the columns a row cannot do without");
        }
    }
}
