namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG221: a name that must be quoted in every statement (capitals, spaces, reserved words), as the server's quote_ident says.</summary>
internal sealed class NameNeedsQuoting() : SchemaRule("DBG221")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var named in NamedObjects.Of(schema.Snapshot).Where(n => schema.NeedsQuoting(n.Name)))
        {
            yield return new SchemaFinding(Id, named.Id, named.Schema, named.Table,
                $"{named} is named {schema.Quote(named.Name)}, which every statement must quote exactly (unquoted it folds to lower case or is a reserved word), "
                + "so hand-written SQL and tools break on it; rename it in lower-case snake_case");
        }
    }
}
