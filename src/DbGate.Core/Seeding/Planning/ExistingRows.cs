using DbGate.Core.Seeding.Catalog;
using Npgsql;

namespace DbGate.Core.Seeding.Planning;

/// <summary>Which tables already hold rows (from the migrations or seed.sql): those are not generated again.</summary>
internal static class ExistingRows
{
    /// <returns>Row counts of the tables that are not empty.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(NpgsqlConnection connection, IReadOnlyList<SeedTable> tables, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (tables.Count == 0)
            return counts;
        // One round trip answers "any row?" for every table; only the filled ones are counted.
        var probe = $"SELECT ARRAY[{string.Join(", ", tables.Select(t => $"EXISTS (SELECT FROM {t.Sql})"))}]";
        bool[] filled;
        await using (var command = new NpgsqlCommand(probe, connection))
            filled = (bool[])(await command.ExecuteScalarAsync(cancellationToken))!;
        var nonEmpty = tables.Where((_, i) => filled[i]).ToList();
        if (nonEmpty.Count == 0)
            return counts;
        var count = $"SELECT ARRAY[{string.Join(", ", nonEmpty.Select(t => $"(SELECT count(*) FROM {t.Sql})"))}]";
        await using (var command = new NpgsqlCommand(count, connection))
        {
            var values = (long[])(await command.ExecuteScalarAsync(cancellationToken))!;
            for (var i = 0; i < nonEmpty.Count; i++)
                counts[nonEmpty[i].QualifiedName] = values[i];
        }
        return counts;
    }
}
