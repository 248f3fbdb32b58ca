namespace DbGate.Core.Rules.Schema;

/// <summary>
/// A rule over the final schema. Pure: the same model always gives the same findings, each about one object; where it
/// came from is the health stage's business, read from provenance.
/// </summary>
public interface ISchemaRule
{
    /// <summary>The id of the rule's <c>rules/&lt;ID&gt;.md</c>, which holds all its other metadata.</summary>
    string Id { get; }

    IEnumerable<SchemaFinding> Check(SchemaModel schema);
}
