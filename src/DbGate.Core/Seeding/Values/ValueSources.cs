using Npgsql;

namespace DbGate.Core.Seeding.Values;

/// <summary>Writes one value to the binary COPY stream, with the wire type of its column.</summary>
internal delegate void Writer<in T>(NpgsqlBinaryImporter importer, T value);

/// <summary>A column's value for each row; a pure function of the row, except for keys read back from the server.</summary>
internal abstract class ValueSource<T>
{
    public abstract T At(long row);
}

/// <summary>The domain's value at the index the picker chooses for the row.</summary>
internal sealed class DomainSource<T>(IValueDomain<T> domain, IIndexPicker picker) : ValueSource<T>
{
    public override T At(long row) => domain.At(picker.Pick(row));
}

/// <summary>A foreign key: the parent's key at the parent row the picker chooses.</summary>
internal sealed class ReferenceSource<T>(ValueSource<T> parentKey, IIndexPicker parentRow) : ValueSource<T>
{
    public override T At(long row) => parentKey.At(Math.Max(0, parentRow.Pick(row)));
}

/// <summary>
/// A column a CHECK keeps below another (<c>starts_at &lt; ends_at</c>): for each row, a point of its own range up to the
/// other column's value in that row (less one step when strict).
/// </summary>
internal sealed class BelowSource<T>(GridDomain<T> greater, IIndexPicker greaterPicker, GridDomain<T> own, bool strict, ulong stream) : ValueSource<T>
{
    public override T At(long row)
    {
        var top = Math.Min(own.High, greater.K(greaterPicker.Pick(row)) - (strict ? 1 : 0));
        return own.Map(own.Low + SeedHash.Below(SeedHash.At(stream, row), Math.Max(1, top - own.Low + 1)));
    }
}

/// <summary>Which rows are NULL: a fraction of them drawn from the column's own stream, and any row a rule says.</summary>
/// <param name="selfReference">A self-reference's picker: the first row has no earlier row, so it is NULL.</param>
/// <param name="rows">Rows a partial unique index governs: NULLs only there, or (<paramref name="outside"/>) always outside them.</param>
internal sealed class NullMask(double fraction, ulong stream, IIndexPicker? selfReference = null, RowSubset? rows = null, bool outside = false)
{
    public static readonly NullMask Never = new(0, 0);

    public bool IsNull(long row)
    {
        if (rows is not null && !rows.Contains(row))
            return outside;
        return (fraction > 0 && SeedHash.Unit(SeedHash.At(stream, row)) < fraction) || (selfReference is not null && selfReference.Pick(row) < 0);
    }

    /// <summary>This mask, with NULLs confined to <paramref name="subset"/> (or forced outside it).</summary>
    public NullMask Within(RowSubset subset, bool nullOutside) => new(fraction, stream, selfReference, subset, nullOutside);
}

/// <summary>The rows a partial unique index may hold: outside them, no row may fall under the index.</summary>
internal abstract class RowSubset
{
    public abstract bool Contains(long row);
}

/// <summary>
/// <c>count</c> rows scattered over the table: row r belongs when its permuted position is below count, and that
/// position is then its distinct key index.
/// </summary>
internal sealed class ScatteredRows(long rows, long count, ulong stream) : RowSubset
{
    private readonly Permutation _permutation = new(rows, stream);

    public override bool Contains(long row) => _permutation[row] < count;

    public long Position(long row) => _permutation[row];
}

/// <summary>
/// For a key column that is one digit of a composite unique key: the rows whose other digits are all zero. Their
/// tuples are distinct, so their key digits are too; the key's own picker is left as it is.
/// </summary>
internal sealed class DigitRows(DigitPicker digit) : RowSubset
{
    public override bool Contains(long row) => digit.Tuple(row) == digit.Pick(row) * digit.Divisor;
}

/// <summary>Rows in the subset get distinct indexes (their positions); the others pick as before.</summary>
internal sealed class SubsetKeyPicker(ScatteredRows subset, IIndexPicker others) : IIndexPicker
{
    public long Pick(long row) => subset.Contains(row) ? subset.Position(row) : others.Pick(row);
}

/// <summary>Rows outside the subset never take the values that would put them under the index.</summary>
internal sealed class AvoidingPicker(IIndexPicker inner, IReadOnlySet<long> avoided, long size, RowSubset subset) : IIndexPicker
{
    public long Pick(long row)
    {
        var index = inner.Pick(row);
        if (subset.Contains(row))
            return index;
        while (avoided.Contains(index))
            index = (index + 1) % size;
        return index;
    }
}

/// <summary>One column of the COPY: its values, or NULL, row by row.</summary>
/// <param name="parameterType">How the value travels as a query parameter (enums as text, cast by the statement).</param>
internal abstract class ColumnFiller(NpgsqlTypes.NpgsqlDbType parameterType)
{
    public NpgsqlTypes.NpgsqlDbType ParameterType => parameterType;

    public abstract void Write(NpgsqlBinaryImporter importer, long row);

    /// <summary>The row's value for a parameter; null for NULL.</summary>
    public abstract object? Value(long row);
}

internal sealed class ColumnFiller<T>(ValueSource<T> values, NullMask nulls, Writer<T> writer, NpgsqlTypes.NpgsqlDbType parameterType) : ColumnFiller(parameterType)
{
    public override void Write(NpgsqlBinaryImporter importer, long row)
    {
        if (nulls.IsNull(row))
            importer.WriteNull();
        else
            writer(importer, values.At(row));
    }

    public override object? Value(long row) => nulls.IsNull(row) ? null : values.At(row);
}
