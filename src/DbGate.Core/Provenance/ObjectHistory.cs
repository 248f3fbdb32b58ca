using DbGate.Core.Results;
using DbGate.Core.Snapshots;

namespace DbGate.Core.Provenance;

/// <summary>A migration script that created or changed an object, and where in it.</summary>
/// <param name="Location">The statement when it is known, otherwise the script's first line.</param>
/// <param name="StatementKnown">True when <paramref name="Location"/> is the statement itself, observed as it ran;
/// false when only the migration is known (its up script, line 1).</param>
public sealed record Origin(string Migration, SourceLocation Location, bool StatementKnown);

/// <summary>Where one object of the final schema came from.</summary>
/// <param name="Created">The migration that created it (the last time, when it was dropped and created again); null
/// when it was there before the first migration (an existing database).</param>
/// <param name="Changes">Later migrations that altered it, in order; for a table also those that added, altered or
/// dropped its columns, constraints, indexes, triggers or policies.</param>
public sealed record ObjectHistory(Origin? Created, IReadOnlyList<Origin> Changes)
{
    public Origin? LastChanged => Changes.Count > 0 ? Changes[^1] : null;
}

/// <summary>The history of every object of the final schema: what rules and writers read to place a finding.</summary>
public sealed class SchemaProvenance(IReadOnlyDictionary<ObjectId, ObjectHistory> histories)
{
    public IReadOnlyDictionary<ObjectId, ObjectHistory> Histories { get; } = histories;

    public ObjectHistory? Of(ObjectId id) => Histories.GetValueOrDefault(id);

    /// <summary>The migrations that created or changed any of these objects, in run order.</summary>
    public IReadOnlySet<string> MigrationsTouching(IEnumerable<ObjectId> ids) =>
        ids.Select(Of).OfType<ObjectHistory>()
            .SelectMany(h => h.Changes.Prepend(h.Created)).OfType<Origin>()
            .Select(o => o.Migration).ToHashSet(StringComparer.Ordinal);
}
