namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG205: an index left INVALID by a failed or cancelled CREATE INDEX CONCURRENTLY.</summary>
internal sealed class InvalidIndex() : SchemaRule("DBG205")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var index in schema.Facts.Indexes.Where(i => !i.Valid))
        {
            yield return Found(IndexId(index), index.QualifiedTable,
                $"{IndexLabel(index)} on {index.QualifiedTable} is INVALID (a CREATE INDEX CONCURRENTLY failed or was cancelled): every write still maintains it, "
                + $"no query uses it{(index.Unique ? " and it enforces no uniqueness" : "")}; DROP INDEX CONCURRENTLY {schema.QuoteQualified(index.QualifiedName)} and build it again");
        }
    }
}
