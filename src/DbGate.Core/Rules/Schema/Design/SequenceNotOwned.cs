using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG214: a sequence owned by no column.</summary>
internal sealed class SequenceNotOwned() : SchemaRule("DBG214")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var sequence in schema.Snapshot.Sequences.Where(s => s.OwnedByTable is null))
        {
            // The column whose default draws from it is the natural owner.
            var user = schema.Snapshot.Tables
                .SelectMany(t => t.Columns.Where(c => c.Default?.Contains($"'{sequence.QualifiedName}'", StringComparison.Ordinal) == true).Select(c => $"{schema.QuoteQualified(t.QualifiedName)}.{schema.Quote(c.Name)}"))
                .FirstOrDefault();
            yield return FoundInSchema(new ObjectId(Snapshots.SchemaObjectKind.Sequence, sequence.QualifiedName), sequence.Schema,
                $"sequence {sequence.QualifiedName} is owned by no column: dropping the table that uses it leaves it behind, and a dump of that table alone misses it; "
                + $"ALTER SEQUENCE {schema.QuoteQualified(sequence.QualifiedName)} OWNED BY {user ?? "<table>.<column>"}");
        }
    }
}
