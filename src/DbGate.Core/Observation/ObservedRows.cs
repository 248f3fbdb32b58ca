using Npgsql;

namespace DbGate.Core.Observation;

/// <summary>
/// Reads the rows baseline.sql and statement.sql return, by position: column 0 says what a row is (o, l or c), the
/// object columns follow in the order statement.sql lists them, then a lock's mode, gone and scans, then the clock.
/// </summary>
internal static class ObservedRows
{
    public const string Marker = "dbgate_observed";

    private const int Mode = 25;

    /// <summary>Every row of the current result set, which starts with <see cref="Marker"/>.</summary>
    public static async Task<ObservedAfter> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var locks = new List<ObservedLock>();
        var objects = new List<CatalogRow>();
        var clock = 0.0;
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetChar(0))
            {
                case 'o':
                    objects.Add(Row(reader));
                    break;
                case 'l':
                    locks.Add(new ObservedLock(reader.GetString(1), reader.GetInt64(2), reader.GetString(Mode), reader.GetBoolean(Mode + 1), Int64(reader, Mode + 2)));
                    break;
                case 'c':
                    clock = reader.GetDouble(Mode + 3);
                    break;
            }
        }
        return new ObservedAfter(locks, objects, clock);
    }

    private static CatalogRow Row(NpgsqlDataReader r) =>
        new(r.GetString(1), r.GetInt64(2), r.GetInt32(3), Text(r, 4), Text(r, 5), Text(r, 6), Int64(r, 7), Int64(r, 8), Text(r, 9),
            Int64(r, 10), Int64(r, 11), Int64(r, 12), Bool(r, 13), Bool(r, 14), Text(r, 15), Bool(r, 16), Bool(r, 17), Bool(r, 18),
            Text(r, 19), Bool(r, 20), Int64(r, 21), Bool(r, 22), r.GetInt64(23))
        {
            Options = Text(r, 24),
        };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Int64(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static bool? Bool(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
}
