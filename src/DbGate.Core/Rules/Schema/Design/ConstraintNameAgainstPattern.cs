using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG225: a constraint name against the health.naming pattern for its kind.</summary>
internal sealed class ConstraintNameAgainstPattern() : SchemaRule("DBG225")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var naming = schema.Settings.Naming;
        foreach (var c in schema.Snapshot.Constraints)
        {
            var (pattern, key) = c.Type switch
            {
                "PRIMARY KEY" => (naming.PrimaryKey, "primary_key"),
                "FOREIGN KEY" => (naming.ForeignKey, "foreign_key"),
                "UNIQUE" => (naming.Unique, "unique"),
                "CHECK" => (naming.Check, "check"),
                _ => (naming.Exclusion, "exclusion"),
            };
            if (pattern is null || NamePatterns.Expand(pattern, c.Table, [.. c.Columns]).IsMatch(c.Name))
                continue;
            yield return Found(ObjectId.Constraint(c), c.QualifiedTable,
                $"{c.Type.ToLowerInvariant()} constraint {c.Name} on {c.QualifiedTable} does not follow the pattern {pattern} (health.naming.{key}); "
                + $"ALTER TABLE {schema.QuoteQualified(c.QualifiedTable)} RENAME CONSTRAINT {schema.Quote(c.Name)} TO ...");
        }
    }
}
