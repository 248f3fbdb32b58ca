using Npgsql;

namespace DbGate.Core.Seeding.Planning;

/// <summary>A value the server is asked to compute: a CHECK's constant, a dbgate.yml value cast to its column's type.</summary>
internal abstract class ServerValue
{
    protected ServerValue(string sql, object? parameter)
    {
        Sql = sql;
        Parameter = parameter;
    }

    public string Sql { get; }

    public object? Parameter { get; }

    /// <summary>PostgreSQL's message when it could not compute the value.</summary>
    public virtual string? Error { get; set; }

    public bool HasValue { get; protected set; }

    public abstract void Read(NpgsqlDataReader reader);
}

internal sealed class ServerValue<T>(string sql, object? parameter) : ServerValue(sql, parameter)
{
    public T? Value { get; private set; }

    public override void Read(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(0))
            return;
        try
        {
            Value = reader.GetFieldValue<T>(0);
            HasValue = true;
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            // Beyond what .NET holds (numeric 1e40, infinity): the value is left unknown.
            Error = e.Message;
        }
    }
}

/// <summary>Several values asked one by one, read as one list (array columns: Npgsql reads no arrays of arrays).</summary>
internal sealed class ServerValueList<T>(IReadOnlyList<ServerValue<T>> parts) : ServerValue(parts.Count > 0 ? parts[0].Sql : "", null)
{
    public IReadOnlyList<T> Values => parts.Select(p => p.Value!).ToList();

    public override string? Error
    {
        get => parts.Select(p => p.Error).FirstOrDefault(e => e is not null);
        set { }
    }

    public bool Complete => parts.All(p => p.HasValue);

    public override void Read(NpgsqlDataReader reader) => throw new InvalidOperationException("The parts are read one by one.");
}

/// <summary>
/// Collects the values planning needs from the server and gets them in one round trip: PostgreSQL, not DbGate,
/// knows what <c>'2020-01-01'::date</c> or <c>(0)::numeric</c> is. A batch that fails is retried one statement at a time,
/// so one bad value is reported as itself and the others still arrive.
/// </summary>
internal sealed class ServerValues
{
    private readonly List<ServerValue> _pending = [];

    /// <param name="sql">A SELECT of one value; <c>$1</c> is <paramref name="parameter"/> when given.</param>
    public ServerValue<T> Ask<T>(string sql, object? parameter = null)
    {
        var value = new ServerValue<T>(sql, parameter);
        _pending.Add(value);
        return value;
    }

    /// <param name="insideTransaction">Failures then roll back to a savepoint instead of aborting the caller's transaction.</param>
    public async Task EvaluateAsync(NpgsqlConnection connection, bool insideTransaction, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
            return;
        var all = _pending.ToList();
        _pending.Clear();
        try
        {
            await RunAsync(connection, all, insideTransaction, cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
        {
            foreach (var value in all)
            {
                try
                {
                    await RunAsync(connection, [value], insideTransaction, cancellationToken);
                }
                catch (PostgresException one) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(one))
                {
                    value.Error = one.MessageText;
                }
            }
        }
    }

    private static async Task RunAsync(NpgsqlConnection connection, IReadOnlyList<ServerValue> values, bool insideTransaction, CancellationToken cancellationToken)
    {
        if (insideTransaction)
            await Execution.ScriptExecutor.ExecuteAsync(connection, "SAVEPOINT dbgate_seed_values", cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var value in values)
            {
                var command = new NpgsqlBatchCommand(value.Sql);
                if (value.Parameter is not null)
                    command.Parameters.Add(new NpgsqlParameter { Value = value.Parameter });
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var value in values)
            {
                if (await reader.ReadAsync(cancellationToken))
                    value.Read(reader);
                await reader.NextResultAsync(cancellationToken);
            }
        }
        catch (PostgresException e) when (insideTransaction && !Execution.ServerFault.IsFault(e))
        {
            await Execution.ScriptExecutor.ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbgate_seed_values", cancellationToken);
            throw;
        }
        if (insideTransaction)
            await Execution.ScriptExecutor.ExecuteAsync(connection, "RELEASE SAVEPOINT dbgate_seed_values", cancellationToken);
    }
}
