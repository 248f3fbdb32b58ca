using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Types;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// One column the seeder generates, while it is being planned: its type, what constrains it, and finally the
/// picker (which value each row gets) and the NULLs. The generic part knows the CLR type; planning does not need to.
/// </summary>
internal abstract class PlannedColumn(SeedTable table, SeedColumn column, ColumnOverride? columnOverride, DomainSpec spec)
{
    public SeedTable Table { get; } = table;

    public SeedColumn Column { get; } = column;

    public ColumnOverride? Override { get; } = columnOverride;

    public DomainSpec Spec { get; } = spec;

    /// <summary>As dbgate.yml names it: <c>orders.status</c>.</summary>
    public string Display => $"{Table.Display}.{Column.Name}";

    /// <summary>Which value each row gets; chosen by distribution, uniqueness or foreign key.</summary>
    public IIndexPicker? Picker { get; set; }

    public NullMask Nulls { get; set; } = NullMask.Never;

    /// <summary>Rows get their value from a parent's key (a foreign key), not from the domain.</summary>
    public bool Referencing { get; protected set; }

    /// <summary>The values of dbgate.yml's <c>values:</c>, cast by the server.</summary>
    public ServerValue? Values { get; set; }

    /// <summary>Whether <see cref="NullMask"/> or the source can make NULLs: such a column cannot serve as a parent key.</summary>
    public bool MayBeNull => Nulls != NullMask.Never;

    public abstract ColumnType Type { get; }

    /// <summary>How many distinct values the domain holds (after <see cref="Build"/>).</summary>
    public abstract long Size { get; }

    /// <summary>Builds the domain from the server's answers; throws <see cref="UnsatisfiableException"/> when none is possible.</summary>
    public abstract void Build();

    public abstract ColumnFiller CreateFiller();

    /// <summary>This column's value for each row, for children whose foreign keys point at it; null when not computable here.</summary>
    public abstract object? PureSource();

    /// <summary>Makes this column take a parent's key; false when the parent key's CLR type differs (it is then read back).</summary>
    /// <param name="pure">The parent's keys are computed here, not read back from the server.</param>
    public abstract bool Reference(object parentKey, IIndexPicker parentRow, bool pure);

    /// <summary>Parent keys to be read back from the server (with <paramref name="sql"/>) as this column's CLR type.</summary>
    public abstract ServerKeys NewServerKeys(string sql);

    /// <summary>The indexes of the domain's values whose text is <paramref name="text"/> (small domains only).</summary>
    public abstract IReadOnlySet<long> IndexesOf(string text);

    /// <summary>
    /// Keeps this column below <paramref name="greater"/> row by row (a CHECK between two columns), raising the
    /// greater column's range when it could fall below this one's least value. False when the two are not the same
    /// ordered type with plain ranges, or either is bound by uniqueness, a list or a foreign key.
    /// </summary>
    public abstract bool OrderBelow(PlannedColumn greater, bool strict);

    /// <summary>The picker rows use, fixed from here on (uniform when nothing else chose one).</summary>
    public IIndexPicker EffectivePicker() => Picker ??= new UniformPicker(Size, SeedHash.Derive(Spec.Stream, "pick"));

    protected bool Free => !Referencing && Override is not ({ Values: not null } or { Weights: not null } or { Distribution: SeedDistribution.Zipf })
        && Picker is not (SequentialPicker or PermutedPicker or DigitPicker or SubsetKeyPicker or AvoidingPicker);
}

internal sealed class PlannedColumn<T>(SeedTable table, SeedColumn column, ColumnOverride? columnOverride, DomainSpec spec, ColumnType<T> type)
    : PlannedColumn(table, column, columnOverride, spec)
{
    private IValueDomain<T>? _domain;
    private ValueSource<T>? _reference;
    private bool _pureReference;

    public override ColumnType Type => type;

    public override long Size => _domain?.Size ?? 0;

    public override void Build()
    {
        if (Values is ServerValue<T[]> { HasValue: true } listed)
            _domain = new ListDomain<T>(listed.Value!);
        else if (Values is ServerValueList<T> { Complete: true } parts)
            _domain = new ListDomain<T>(parts.Values);
        else
            _domain = type.BuildDomain(Spec);
    }

    public override ColumnFiller CreateFiller() => new ColumnFiller<T>(Source(), Nulls, type.Writer, type.ParameterType);

    public override object? PureSource() => MayBeNull || (_reference is not null && !_pureReference) ? null : Source();

    public override bool Reference(object parentKey, IIndexPicker parentRow, bool pure)
    {
        if (parentKey is not ValueSource<T> key)
            return false;
        _reference = new ReferenceSource<T>(key, parentRow);
        _pureReference = pure;
        Referencing = true;
        return true;
    }

    public override ServerKeys NewServerKeys(string sql) => new ServerKeys<T>(sql);

    public override IReadOnlySet<long> IndexesOf(string text)
    {
        var matches = new HashSet<long>();
        for (var i = 0L; i < Math.Min(Size, 100_000); i++)
        {
            if (string.Equals(Convert.ToString(_domain!.At(i), System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal))
                matches.Add(i);
        }
        return matches;
    }

    public override bool OrderBelow(PlannedColumn greater, bool strict)
    {
        if (greater is not PlannedColumn<T> { Free: true } other || other._below is not null || _below is not null || !Free
            || _domain is not GridDomain<T> { Contiguous: true } own || other._domain is not GridDomain<T>)
            return false;
        if (((GridDomain<T>)other._domain).Low < own.Low + (strict ? 1 : 0))
        {
            other.Spec.LowK = own.Low + (strict ? 1 : 0);
            other.Build();
        }
        _below = (other, strict);
        return true;
    }

    private (PlannedColumn<T> Greater, bool Strict)? _below;

    private ValueSource<T> Source()
    {
        if (_reference is not null)
            return _reference;
        if (_below is var (greater, strict))
            return new BelowSource<T>((GridDomain<T>)greater._domain!, greater.EffectivePicker(), (GridDomain<T>)_domain!, strict, SeedHash.Derive(Spec.Stream, "below"));
        return new DomainSource<T>(_domain!, EffectivePicker());
    }
}
