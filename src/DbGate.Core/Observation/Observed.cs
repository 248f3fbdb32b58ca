namespace DbGate.Core.Observation;

/// <summary>What statement.sql returns: the locks held and the rows written after the statement, and the clock then.</summary>
internal sealed record ObservedAfter(IReadOnlyList<ObservedLock> Locks, IReadOnlyList<CatalogRow> Objects, double Clock);

/// <param name="Catalog">class for a relation lock, or the catalog of a locked object (pg_constraint…).</param>
/// <param name="Gone">The locked object no longer exists: the statement dropped it.</param>
/// <param name="Scans">For a relation: sequential scans of it so far in this transaction.</param>
internal sealed record ObservedLock(string Catalog, long Oid, string Mode, bool Gone, long? Scans);
