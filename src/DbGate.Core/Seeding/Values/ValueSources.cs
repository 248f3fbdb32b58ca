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

/// <summary>Keys as the server holds them (identity, seed.sql rows), in a fixed order.</summary>
internal sealed class ListSource<T>(IReadOnlyList<T> values) : ValueSource<T>
{
    public override T At(long row) => values[(int)row];
}

/// <summary>Which rows are NULL: a fraction of them drawn from the column's own stream, and any row a rule says.</summary>
internal sealed class NullMask(double fraction, ulong stream, IIndexPicker? selfReference = null)
{
    public static readonly NullMask Never = new(0, 0);

    public bool IsNull(long row) =>
        (fraction > 0 && SeedHash.Unit(SeedHash.At(stream, row)) < fraction) || (selfReference is not null && selfReference.Pick(row) < 0);
}

/// <summary>One column of the COPY: its values, or NULL, row by row.</summary>
internal abstract class ColumnFiller
{
    public abstract void Write(NpgsqlBinaryImporter importer, long row);
}

internal sealed class ColumnFiller<T>(ValueSource<T> values, NullMask nulls, Writer<T> writer) : ColumnFiller
{
    public override void Write(NpgsqlBinaryImporter importer, long row)
    {
        if (nulls.IsNull(row))
            importer.WriteNull();
        else
            writer(importer, values.At(row));
    }
}
