using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>After the server answered: values that did not cast, bounds that did not parse, NULLs a column refuses.</summary>
internal static class ColumnChecks
{
    public static void Apply(TableWork work, PlannedColumn column)
    {
        var entry = column.Override;
        if (entry is null)
            return;
        var subject = $"seed.columns.{entry.Column}";
        if (column.Values is { Error: { } valuesError })
            throw LocatedError.At(entry.LocationOf("values"), subject, $"values do not fit {column.Column.SqlType}: {valuesError}");
        if (column.Spec.Min is { Error: { } minError })
            throw LocatedError.At(entry.LocationOf("min"), subject, $"min is not a {column.Column.SqlType}: {minError}");
        if (column.Spec.Max is { Error: { } maxError })
            throw LocatedError.At(entry.LocationOf("max"), subject, $"max is not a {column.Column.SqlType}: {maxError}");
        var fraction = entry.NullFraction ?? 0;
        if (entry.Values is { } values && values.Any(v => v is null))
        {
            if (entry.NullFraction is not null)
                throw LocatedError.At(entry.LocationOf("null_fraction"), subject, "values already list null; null_fraction would say it twice");
            var weights = entry.Weights ?? values.Select(_ => 1.0).ToList();
            fraction = values.Select((v, i) => v is null ? weights[i] : 0).Sum() / weights.Sum();
        }
        if (fraction > 0 && (column.Column.NotNull || column.Column.Type.DomainNotNull))
            throw LocatedError.At(entry.LocationOf(entry.NullFraction is not null ? "null_fraction" : "values"), subject, $"{column.Display} is NOT NULL");
        if (fraction > 0)
            column.Nulls = new NullMask(fraction, SeedHash.Derive(column.Spec.Stream, "nulls"));
    }

    /// <summary>A column's own picker, unless uniqueness chose one: dbgate.yml's weights or Zipf, else uniform.</summary>
    public static IIndexPicker? DefaultPicker(PlannedColumn column)
    {
        var entry = column.Override;
        var stream = SeedHash.Derive(column.Spec.Stream, "pick");
        if (entry is { Weights: { } weights, Values: { } values })
            return new WeightedPicker(weights.Where((_, i) => values[i] is not null).ToList(), stream);
        return entry?.Distribution == SeedDistribution.Zipf ? new ZipfPicker(column.Size, entry.Skew, stream) : null;
    }
}
