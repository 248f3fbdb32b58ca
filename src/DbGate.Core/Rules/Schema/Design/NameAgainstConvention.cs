using System.Text.RegularExpressions;

namespace DbGate.Core.Rules.Schema.Design;

/// <summary>DBG223: a table, column, view, sequence, type, function or schema name against health.naming.pattern.</summary>
internal sealed class NameAgainstConvention() : SchemaRule("DBG223")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        var pattern = new Regex(schema.Settings.Naming.Pattern, RegexOptions.CultureInvariant);
        // A name that needs quoting is DBG221's already.
        foreach (var named in NamedObjects.Of(schema.Snapshot).Where(n => n.Convention && !schema.NeedsQuoting(n.Name) && !pattern.IsMatch(n.Name)))
        {
            yield return new SchemaFinding(Id, named.Id, named.Schema, named.Table,
                $"{named} does not follow the naming convention {schema.Settings.Naming.Pattern} (health.naming.pattern); rename it");
        }
    }
}
