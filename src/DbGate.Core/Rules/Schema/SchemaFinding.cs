using DbGate.Core.Provenance;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema;

/// <summary>What a schema rule found, about one object; the health stage places it with the object's provenance.</summary>
/// <param name="Subject">The object at fault: its identity is the finding's fingerprint, its origin the finding's location.</param>
/// <param name="Schema">For per-schema configuration.</param>
/// <param name="Table">The table the finding is about, as schema.name, for per-table configuration; null for none.</param>
/// <param name="Message">One sentence a reviewer can act on, the fix with the user's names in it.</param>
public sealed record SchemaFinding(string RuleId, ObjectId Subject, string Schema, string? Table, string Message)
{
    /// <summary>Other objects involved (the index a duplicate repeats, the referenced column): their origins are related locations.</summary>
    public IReadOnlyList<ObjectId> Related { get; init; } = [];

    public IReadOnlyList<string> Details { get; init; } = [];
}
