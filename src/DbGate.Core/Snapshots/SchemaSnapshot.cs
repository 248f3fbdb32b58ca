namespace DbGate.Core.Snapshots;

/// <summary>
/// What a PostgreSQL database's schema looks like at one moment, read by <see cref="SnapshotReader"/> and compared by
/// <see cref="SchemaDiff"/>. Two snapshots are equal exactly when they describe the same schema.
/// </summary>
/// <remarks>
/// <para><b>Covered.</b> Schemas; extensions and their versions; tables (ordinary, partitioned, foreign; partition key,
/// bound and parents; unlogged; row-level security enabled/forced; storage options; replica identity) with their columns
/// in order (type with modifiers, NOT NULL, default, identity, generated expression, non-default collation, storage,
/// compression); primary key, unique, foreign key (referenced table and columns, ON UPDATE/DELETE, MATCH, deferrable,
/// deferred), check and exclusion constraints, validated or NOT VALID; indexes (full definition, method, uniqueness, key
/// and included columns, predicate, valid/ready); views and materialized views; sequences and their OWNED BY column;
/// functions, procedures and aggregates (signature, arguments, result, language, body, volatility, strictness, security
/// definer, leakproof, parallel safety, cost, rows, SET clauses); triggers and whether they are enabled; enums (labels in
/// order); domains (base type, default, NOT NULL, collation, constraints); composite types; row-level security policies;
/// comments on all of these. Owners, grants (also on columns) and default privileges only with
/// <see cref="SnapshotOptions.IncludePrivileges"/>.</para>
/// <para><b>Excluded.</b> System schemas (pg_catalog, information_schema, pg_toast, temporary schemas); everything an
/// extension owns (only the extension and its version are recorded); migration-history tables
/// (<see cref="SnapshotOptions.HistoryTables"/>) with their indexes, constraints, triggers, policies and owned sequences;
/// constraints, triggers and indexes that PostgreSQL clones onto partitions from their parent; indexes that implement a
/// constraint (the constraint describes them); internal triggers of foreign keys.</para>
/// <para><b>Never recorded</b>, because they change when identical DDL is run again: OIDs, relfilenodes, attnums (a column's
/// position is its place in the list), enum sort keys, sequence values, statistics and anything else that is data.
/// Generated names (<c>users_pkey</c>, <c>users_id_seq</c>) are recorded: PostgreSQL derives them deterministically.
/// Every expression is printed under a fixed search_path, so names are schema-qualified the same way whatever the
/// session's search_path is.</para>
/// <para>Lists are in a fixed order (by name, columns by position), so record equality is the schema's equality.
/// <see cref="SchemaDiff.Compare"/> settles two snapshots read from identical documents without walking them.</para>
/// </remarks>
public sealed record SchemaSnapshot(
    ValueList<SchemaDefinition> Schemas,
    ValueList<ExtensionDefinition> Extensions,
    ValueList<TableDefinition> Tables,
    ValueList<ConstraintDefinition> Constraints,
    ValueList<IndexDefinition> Indexes,
    ValueList<ViewDefinition> Views,
    ValueList<SequenceDefinition> Sequences,
    ValueList<RoutineDefinition> Routines,
    ValueList<TriggerDefinition> Triggers,
    ValueList<PolicyDefinition> Policies,
    ValueList<EnumDefinition> Enums,
    ValueList<DomainDefinition> Domains,
    ValueList<CompositeTypeDefinition> CompositeTypes,
    ValueList<DefaultPrivilegeDefinition> DefaultPrivileges)
{
    /// <summary>A snapshot of a database with nothing in it, not even the public schema.</summary>
    public static SchemaSnapshot Empty { get; } = new([], [], [], [], [], [], [], [], [], [], [], [], [], []);
}
