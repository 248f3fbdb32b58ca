using DbGate.Core.Seeding.Catalog;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Types;

/// <summary>The ordered types and their grids.</summary>
internal static class GridTypes
{
    private const string Number = "({0})::numeric";
    private const string Epoch = "extract(epoch from {0})::numeric";
    private const long Year = 365L * 86400;
    private const long FloatSteps = 1 << 20;
    private static readonly DateOnly Epoch1970 = new(1970, 1, 1);
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long From2020 = (long)(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    // Seconds since 1970 that DateTime holds: years 1 to 9999.
    private static readonly long DateTimeMin = (DateTime.MinValue.Ticks - EpochTicks) / TimeSpan.TicksPerSecond;
    private static readonly long DateTimeMax = (DateTime.MaxValue.Ticks - EpochTicks) / TimeSpan.TicksPerSecond;

    public static ColumnType? For(SeedType type) => type.BaseName switch
    {
        "int2" => Integer<short>("smallint", NpgsqlDbType.Smallint, short.MinValue, short.MaxValue, k => (short)k, u => (short)u),
        "int4" => Integer<int>("integer", NpgsqlDbType.Integer, int.MinValue, int.MaxValue, k => (int)k, u => (int)u),
        "int8" => Integer<long>("bigint", NpgsqlDbType.Bigint, long.MinValue, long.MaxValue, k => k, u => (long)u),
        "numeric" => Numeric(type),
        "money" => Decimal("money", NpgsqlDbType.Money, 2, 15),
        "float4" => Float<float>("real", NpgsqlDbType.Real, k => (float)((double)k / FloatSteps), u => (float)u),
        "float8" => Float<double>("double precision", NpgsqlDbType.Double, k => (double)k / FloatSteps, u => (double)u),
        "date" => new GridType<DateOnly>(
            "date", NpgsqlDbType.Date,
            new GridShape(1, DateOnly.MinValue.DayNumber - Epoch1970.DayNumber, DateOnly.MaxValue.DayNumber - Epoch1970.DayNumber, From2020 / 86400, 6 * 365 + 2, $"(({{0}}) - DATE '1970-01-01')::numeric"),
            k => DateOnly.FromDayNumber((int)(Epoch1970.DayNumber + k)),
            u => DateOnly.FromDayNumber((int)(Epoch1970.DayNumber + (long)u))),
        "timestamp" => Timestamp("timestamp without time zone", NpgsqlDbType.Timestamp, DateTimeKind.Unspecified),
        "timestamptz" => Timestamp("timestamp with time zone", NpgsqlDbType.TimestampTz, DateTimeKind.Utc),
        "time" => new GridType<TimeSpan>(
            "time", NpgsqlDbType.Time, new GridShape(1, 0, 86399, 0, 86400, Epoch),
            TimeSpan.FromSeconds, u => TimeSpan.FromTicks((long)(u * TimeSpan.TicksPerSecond))),
        "interval" => new GridType<TimeSpan>(
            "interval", NpgsqlDbType.Interval, new GridShape(1, -(1L << 40), 1L << 40, 0, 30 * 86400 + 1, Epoch),
            TimeSpan.FromSeconds, u => TimeSpan.FromTicks((long)(u * TimeSpan.TicksPerSecond))),
        _ => null,
    };

    private static GridType<T> Integer<T>(string describe, NpgsqlDbType dbType, long min, long max, Func<long, T> map, Func<decimal, T> fromUnits) =>
        new(describe, dbType, new GridShape(1, min, max, 1, 1000, Number), map, fromUnits);

    /// <summary>numeric(p, s) steps by 10^-s within ±10^(p-s); unconstrained numeric by hundredths.</summary>
    private static GridType<decimal> Numeric(SeedType type) =>
        type.NumericModifier is var (precision, scale) ? Decimal($"numeric({precision},{scale})", NpgsqlDbType.Numeric, scale, precision) : Decimal("numeric", NpgsqlDbType.Numeric, 2, 20);

    private static GridType<decimal> Decimal(string describe, NpgsqlDbType dbType, int scale, int precision)
    {
        var step = scale >= 0 ? 1m / Pow10(scale) : Pow10(-scale);
        var limit = precision >= 18 ? (long)1e18 : (long)Pow10(precision) - 1;
        var perUnit = scale > 12 ? (long)1e12 : (long)Pow10(Math.Max(scale, 0));
        return new GridType<decimal>(
            describe, dbType, new GridShape(step, -limit, limit, 0, Math.Max(1, 1000 * Math.Max(1, perUnit)), Number),
            k => k * step, u => u);
    }

    private static GridType<T> Float<T>(string describe, NpgsqlDbType dbType, Func<long, T> map, Func<decimal, T> fromUnits) =>
        new(describe, dbType, new GridShape(1m / FloatSteps, -(1L << 62), 1L << 62, 0, 1000 * FloatSteps, Number), map, fromUnits);

    private static GridType<DateTime> Timestamp(string describe, NpgsqlDbType dbType, DateTimeKind kind) =>
        new(
            describe, dbType, new GridShape(1, DateTimeMin, DateTimeMax, From2020, 6 * Year + 2 * 86400, Epoch),
            k => new DateTime(EpochTicks + k * TimeSpan.TicksPerSecond, kind),
            u => new DateTime(EpochTicks + (long)(u * TimeSpan.TicksPerSecond), kind));

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent && i < 28; i++)
            result *= 10;
        return result;
    }
}
