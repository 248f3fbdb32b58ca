using Npgsql;

namespace DbGate.Core.Seeding.Values;

/// <summary>
/// A parent's keys as the server holds them (identity and serial values, rows of seed.sql), read when the parent
/// is loaded, ordered by the key itself (text in the "C" collation), so the order is the same on every machine.
/// </summary>
internal abstract class ServerKeys
{
    public abstract string Sql { get; }

    public abstract long Count { get; }

    /// <summary>A ValueSource of the keys (typed as the child column's CLR type), readable once loaded.</summary>
    public abstract object Values { get; }

    public abstract Task LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken);

    /// <summary>The keys at these positions, as an array to send as a parameter.</summary>
    public abstract Array Pick(IEnumerable<long> positions);
}

internal sealed class ServerKeys<T>(string sql) : ServerKeys
{
    private T[]? _keys;

    public override string Sql => sql;

    public override long Count => _keys?.Length ?? 0;

    public override object Values => new Lazy(this);

    public override async Task LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var keys = new List<T>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(reader.GetFieldValue<T>(0));
        _keys = [.. keys];
    }

    public override Array Pick(IEnumerable<long> positions) => positions.Select(p => _keys![p]).ToArray();

    private sealed class Lazy(ServerKeys<T> keys) : ValueSource<T>
    {
        public override T At(long row) => keys._keys![row];
    }
}
