using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG206: a CHECK or FOREIGN KEY added NOT VALID and never validated.</summary>
internal sealed class ConstraintNotValidated() : SchemaRule("DBG206")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var c in schema.Snapshot.Constraints.Where(c => !c.Validated))
        {
            yield return Found(ObjectId.Constraint(c), c.QualifiedTable,
                $"constraint {c.Name} on {c.QualifiedTable} was added NOT VALID and never validated: rows from before it may break it, and the planner cannot rely on it; "
                + $"ALTER TABLE {schema.QuoteQualified(c.QualifiedTable)} VALIDATE CONSTRAINT {schema.Quote(c.Name)} (it takes only SHARE UPDATE EXCLUSIVE)");
        }
        foreach (var domain in schema.Snapshot.Domains)
        {
            foreach (var c in domain.Constraints.Where(c => !c.Validated))
            {
                yield return FoundInSchema(new ObjectId(SchemaObjectKind.Domain, domain.QualifiedName), domain.Schema,
                    $"constraint {c.Name} of domain {domain.QualifiedName} was added NOT VALID and never validated: values from before it may break it; "
                    + $"ALTER DOMAIN {schema.QuoteQualified(domain.QualifiedName)} VALIDATE CONSTRAINT {schema.Quote(c.Name)}");
            }
        }
    }
}
