using System.Globalization;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG213: an integer key whose type's range a table of the configured size is using up.</summary>
internal sealed class IntegerKeyOverflow() : SchemaRule("DBG213")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables)
        {
            if (schema.Sizes.Of(table.QualifiedName)?.Rows is not { } rows)
                continue;
            var key = schema.PrimaryKey(table.QualifiedName)?.Columns ?? [];
            // The key, and any identity or serial column: each hands out one value per row.
            var counted = table.Columns.Where(c => (key.Count == 1 && key[0] == c.Name) || c.Identity is not null || c.Default?.Contains("nextval(", StringComparison.Ordinal) == true);
            foreach (var column in counted)
            {
                var type = schema.BaseType(column.Type);
                if (ColumnTypes.IntegerMaximum(type) is not { } maximum || maximum == long.MaxValue || rows < maximum * schema.Settings.OverflowShare)
                    continue;
                var share = (rows / maximum).ToString("P0", CultureInfo.InvariantCulture);
                yield return Found(ObjectId.Column(table.QualifiedName, column.Name), table.QualifiedName,
                    $"{table.QualifiedName}.{column.Name} is {type}, whose values end at {maximum.ToString(CultureInfo.InvariantCulture)}, and {table.QualifiedName} is configured at about "
                    + $"{rows.ToString("0", CultureInfo.InvariantCulture)} rows ({share} of the range): inserts will fail when it runs out; "
                    + $"ALTER TABLE {schema.QuoteQualified(table.QualifiedName)} ALTER COLUMN {schema.Quote(column.Name)} TYPE bigint "
                    + "(a rewrite under ACCESS EXCLUSIVE: plan it), with the columns that reference it");
            }
        }
    }
}
