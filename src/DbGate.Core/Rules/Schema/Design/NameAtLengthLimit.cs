using System.Text;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG222: a name at PostgreSQL's 63-byte limit, where longer names are cut without an error.</summary>
internal sealed class NameAtLengthLimit() : SchemaRule("DBG222")
{
    private const int MaxIdentifierBytes = 63;

    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var named in NamedObjects.Of(schema.Snapshot).Where(n => Encoding.UTF8.GetByteCount(n.Name) >= MaxIdentifierBytes))
        {
            yield return new SchemaFinding(Id, named.Id, named.Schema, named.Table,
                $"{named} has a name of {MaxIdentifierBytes} bytes, PostgreSQL's limit: a longer name is cut to it with only a NOTICE, so this one may already be cut, "
                + "statements that spell it in full name another object, and names derived from it (indexes, constraints, sequences) are cut too; choose a shorter name");
        }
    }
}
