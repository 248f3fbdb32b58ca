using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Snapshots;

internal static class SnapshotTesting
{
    public static async Task<SchemaSnapshot> SnapshotAsync(this TestDatabase database, SnapshotOptions? options = null)
    {
        await using var connection = await database.OpenAsync();
        return await SnapshotReader.ReadAsync(connection, options ?? SnapshotOptions.Default, CancellationToken.None);
    }

    /// <summary>
    /// Given <paramref name="given"/> in a fresh database (schema <c>app</c> already created), when <paramref name="when"/>
    /// runs, returns what <see cref="SchemaDiff"/> says about the schema before versus after.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(
        this PostgresFixture fixture, string given, string when, SnapshotOptions? options = null)
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA app; " + given);
        var expected = await database.SnapshotAsync(options);
        await database.ExecuteAsync(when);
        var actual = await database.SnapshotAsync(options);
        return [.. SchemaDiff.Compare(expected, actual).Select(d => d.Description)];
    }
}
