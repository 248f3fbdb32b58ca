using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using DbGate.Core.Seeding.Values;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>How values of one PostgreSQL type are made: what to ask the server about its constraints, and the domain.</summary>
internal abstract class ColumnType
{
    /// <summary>The type as messages name it.</summary>
    public abstract string Describe { get; }

    /// <summary>Whether the domain grows when more distinct values are needed (not an enum's labels, not booleans).</summary>
    public virtual bool Widenable => true;

    /// <summary>The binary COPY wire type, when Npgsql names it by NpgsqlDbType (not for enums).</summary>
    public abstract NpgsqlDbType? DbType { get; }

    /// <summary>As a query parameter: the wire type, or text (enums), which the statement casts to the column's type.</summary>
    public virtual NpgsqlDbType ParameterType => DbType ?? NpgsqlDbType.Text;

    /// <summary>Asks the server for the constants of the rules this type understands; notes the others as unused.</summary>
    public abstract void Register(DomainSpec spec, ServerValues server);

    /// <summary>A SELECT of the override's values cast to the column's type, as an array of the CLR type.</summary>
    public abstract ServerValue AskValues(string sqlType, IReadOnlyList<string> values, ServerValues server);

    public abstract PlannedColumn Plan(SeedTable table, SeedColumn column, ColumnOverride? columnOverride, DomainSpec spec);
}

internal abstract class ColumnType<T> : ColumnType
{
    public abstract Writer<T> Writer { get; }

    /// <exception cref="UnsatisfiableException">Nothing satisfies the spec.</exception>
    public abstract IValueDomain<T> BuildDomain(DomainSpec spec);

    public override PlannedColumn Plan(SeedTable table, SeedColumn column, ColumnOverride? columnOverride, DomainSpec spec) =>
        new PlannedColumn<T>(table, column, columnOverride, spec, this);

    public override ServerValue AskValues(string sqlType, IReadOnlyList<string> values, ServerValues server) =>
        server.Ask<T[]>($"SELECT ARRAY(SELECT v::{sqlType} FROM unnest($1::text[]) WITH ORDINALITY u(v, i) ORDER BY i)", values.ToArray());

    /// <summary>Asks the server for each rule's constants; a rule <paramref name="ask"/> returns null for is unused.</summary>
    protected static void Evaluate(DomainSpec spec, Func<Checks.CheckRule, ServerValue?> ask)
    {
        foreach (var rule in spec.Rules)
        {
            if (ask(rule) is { } value)
                spec.Evaluated.Add((rule, value));
            else
                spec.Unused.Add(rule);
        }
    }

    protected static void Unused(DomainSpec spec, Func<Checks.CheckRule, bool> understood)
    {
        foreach (var rule in spec.Rules.Where(r => !understood(r)))
            spec.Unused.Add(rule);
    }
}

/// <summary>Chooses the <see cref="ColumnType"/> for a catalog type; null for types DbGate cannot generate.</summary>
internal static class ColumnTypes
{
    public static ColumnType? For(SeedType type)
    {
        if (type.BaseKind == 'e')
            return new EnumType(type.EnumLabels ?? [], type.BaseSqlName);
        if (type.BaseKind != 'b')
            return null;
        if (type.Element is { } element)
            return For(element) is { } elementType ? ArrayTypes.Of(elementType, element) : null;
        return GridTypes.For(type) ?? TextType.For(type) ?? FixedTypes.For(type.BaseName);
    }
}
