namespace DbGate.Core.Seeding.Catalog;

/// <summary>What the seeder needs to know about the schema, read from the server after the migrations.</summary>
internal sealed record SeedCatalog(IReadOnlyList<SeedTable> Tables, IReadOnlyList<SeedForeignKey> ForeignKeys)
{
    public SeedTable? Find(string qualifiedName) => Tables.FirstOrDefault(t => t.QualifiedName == qualifiedName);
}

/// <param name="Partition">A partition: filled through its parent, never on its own.</param>
/// <param name="Owned">The seeding role owns it (or is a member of its owner): it may drop and re-add its foreign keys.</param>
/// <param name="RowSecurityApplies">Row-level security filters this role's writes: COPY refuses such tables.</param>
/// <param name="PartitionBounds">For a partitioned table without a DEFAULT partition: each leaf's bounds, as pg_get_partition_constraintdef prints them.</param>
internal sealed record SeedTable(
    string Schema,
    string Name,
    bool Partition,
    bool Owned,
    bool RowSecurityApplies,
    IReadOnlyList<SeedColumn> Columns,
    IReadOnlyList<SeedCheck> Checks,
    IReadOnlyList<SeedUniqueKey> UniqueKeys,
    IReadOnlyList<string> PartitionBounds)
{
    public string QualifiedName => Schema + "." + Name;

    /// <summary>As dbgate.yml would name it: unqualified in the public schema.</summary>
    public string Display => Schema == "public" ? Name : QualifiedName;

    public string Sql => SqlNames.Qualified(Schema, Name);

    public SeedColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <param name="Serial">Its default is nextval(…): the sequence numbers it, as identity does.</param>
/// <param name="SqlType">The column's type as format_type prints it, for casts: <c>public.mood</c>, <c>numeric(10,2)</c>.</param>
internal sealed record SeedColumn(
    string Name,
    SeedType Type,
    string SqlType,
    bool NotNull,
    bool HasDefault,
    bool Generated,
    bool Identity,
    bool Serial,
    bool Collatable)
{
    /// <summary>Filled by the server: generated, identity and serial columns are left out of COPY.</summary>
    public bool ServerFilled => Generated || Identity || Serial;
}

/// <summary>A type with its domains unwrapped: what the base is, and what the domains on the way add.</summary>
/// <param name="BaseName">pg_type.typname of the base: <c>int4</c>, <c>varchar</c>, an enum's own name.</param>
/// <param name="BaseKind">pg_type.typtype of the base: b(ase), e(num), c(omposite), r(ange)…</param>
/// <param name="BaseSqlName">The base as format_type prints it without modifier, for casts.</param>
/// <param name="Modifier">The effective typmod: the column's, or the nearest domain's.</param>
/// <param name="Element">For arrays, the element type (itself unwrapped).</param>
internal sealed record SeedType(
    string BaseName,
    char BaseKind,
    string BaseSqlName,
    int Modifier,
    IReadOnlyList<string> DomainChecks,
    bool DomainNotNull,
    IReadOnlyList<string>? EnumLabels,
    SeedType? Element)
{
    /// <summary>varchar(n), char(n): n; otherwise null.</summary>
    public int? Length => BaseName is "varchar" or "bpchar" && Modifier >= 4 ? Modifier - 4 : null;

    /// <summary>numeric(p, s): (p, s); otherwise null.</summary>
    public (int Precision, int Scale)? NumericModifier =>
        BaseName == "numeric" && Modifier >= 4 ? (((Modifier - 4) >> 16) & 0xFFFF, (((Modifier - 4) & 0x7FF) ^ 1024) - 1024) : null;
}

/// <param name="Columns">From conkey; empty for a check on no column.</param>
internal sealed record SeedCheck(string Name, string Clause, IReadOnlyList<string> Columns);

/// <param name="Columns">Key columns; null entries are expressions (their columns are in <paramref name="ExpressionColumns"/>).</param>
internal sealed record SeedUniqueKey(
    string Name,
    bool Primary,
    IReadOnlyList<string?> Columns,
    IReadOnlyList<string> ExpressionColumns,
    string? Predicate,
    bool NullsNotDistinct)
{
    /// <summary>Every column the key depends on: plain key columns and those its expressions read.</summary>
    public IReadOnlyList<string> AllColumns => Columns.OfType<string>().Concat(ExpressionColumns).Distinct(StringComparer.Ordinal).ToList();
}

/// <param name="Clause">The whole definition as pg_get_constraintdef prints it, to add it back unchanged.</param>
internal sealed record SeedForeignKey(
    string Name,
    string Table,
    IReadOnlyList<string> Columns,
    string Parent,
    IReadOnlyList<string> ParentColumns,
    bool Deferrable,
    string Clause,
    string? Comment);
