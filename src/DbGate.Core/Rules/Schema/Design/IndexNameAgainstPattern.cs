namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG224: an index name against health.naming.index.</summary>
internal sealed class IndexNameAgainstPattern() : SchemaRule("DBG224")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        if (schema.Settings.Naming.Index is not { } pattern)
            yield break;
        foreach (var index in schema.Facts.Indexes.Where(i => i.Constraint is null))
        {
            if (NamePatterns.Expand(pattern, index.Table, index.Columns).IsMatch(index.Name))
                continue;
            yield return Found(IndexId(index), index.QualifiedTable,
                $"index {index.QualifiedName} does not follow the index naming pattern {pattern} (health.naming.index); "
                + $"ALTER INDEX {schema.QuoteQualified(index.QualifiedName)} RENAME TO ...");
        }
    }
}
