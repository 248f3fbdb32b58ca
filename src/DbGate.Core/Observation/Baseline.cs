using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Observation;

/// <summary>Reads what exists before the first migration, where the catalog mirror starts.</summary>
internal static class Baseline
{
    public static async Task<CatalogMirror> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = SearchPathGuard.Wrap(connection, new NpgsqlBatchCommand(ObservationSql.Baseline));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < SearchPathGuard.LeadingResults; i++)
            await reader.NextResultAsync(cancellationToken);
        var baseline = await ObservedRows.ReadAsync(reader, cancellationToken);
        return CatalogMirror.FromBaseline(baseline.Objects);
    }
}
