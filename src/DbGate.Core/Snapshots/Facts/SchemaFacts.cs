namespace DbGate.Core.Snapshots;

/// <summary>
/// Catalog facts the health checks need beyond <see cref="SchemaSnapshot"/>, read once over the final schema by
/// <see cref="SchemaFactsReader"/>. Kept out of the snapshot on purpose: the snapshot's equality is the round trip's
/// verdict, and none of these is a difference a down must undo (index internals repeat what constraints already say,
/// roles belong to the cluster).
/// </summary>
/// <param name="ServerVersion">server_version_num, such as 150018.</param>
/// <param name="CurrentUser">The role the migrations ran as.</param>
/// <param name="QuotedNames">Names of the schema's objects that PostgreSQL's quote_ident would quote.</param>
public sealed record SchemaFacts(
    int ServerVersion,
    string CurrentUser,
    IReadOnlyList<IndexFacts> Indexes,
    IReadOnlyList<ViewRelations> ViewRelations,
    IReadOnlyList<RestoreFunctionUse> RestoreFunctions,
    IReadOnlyList<RoleFacts> Roles,
    IReadOnlyList<string> QuotedNames);

/// <summary>An index of a table or materialized view, including those that implement a constraint.</summary>
/// <param name="Table">In the index's schema.</param>
/// <param name="Constraint">The primary key, unique or exclusion constraint the index implements, if any.</param>
/// <param name="Columns">Per key column its name, or null for an expression.</param>
/// <param name="Keys">Per key column attnum/opclass/collation/option: equal lists index the same way.</param>
/// <param name="Included">attnums of INCLUDE columns.</param>
public sealed record IndexFacts(
    string Schema,
    string Name,
    string Table,
    string? Constraint,
    string Method,
    bool Unique,
    bool Primary,
    bool Valid,
    bool NullsNotDistinct,
    bool Partial,
    IReadOnlyList<string?> Columns,
    IReadOnlyList<string> Keys,
    IReadOnlyList<int> Included,
    string? Expressions,
    string? Predicate)
{
    public string QualifiedName => Schema + "." + Name;

    public string QualifiedTable => Schema + "." + Table;
}

/// <summary>The relations a plain view reads directly.</summary>
public sealed record ViewRelations(string View, IReadOnlyList<string> Relations);

/// <summary>A function resolved at run time under search_path that a restore runs (see restore_functions.sql).</summary>
/// <param name="UsedByKind">index, constraint, domain, generated column or materialized view.</param>
/// <param name="Language">sql or plpgsql.</param>
public sealed record RestoreFunctionUse(string Routine, string UsedByKind, string UsedBy, string Language, long Oid)
{
    /// <summary>For a SQL function, whether re-creating it with an empty search_path failed (observed in a rolled-back
    /// transaction); null when that cannot tell (PL/pgSQL checks names only when it runs).</summary>
    public bool? BreaksWithEmptySearchPath { get; init; }

    /// <summary>PostgreSQL's error when <see cref="BreaksWithEmptySearchPath"/> is true.</summary>
    public string? Failure { get; init; }
}

public sealed record RoleFacts(string Name, bool Superuser, bool BypassRls, bool CreateRole, bool Login);
