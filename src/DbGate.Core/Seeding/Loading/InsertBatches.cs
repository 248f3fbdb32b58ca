using System.Text;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Few rows (the data check's three per table) go as INSERT … VALUES, many tables to one round trip: a COPY per table
/// would cost two round trips and a COPY's setup each time. A batch ends where a table's keys must be read back for
/// its children.
/// </summary>
internal sealed class InsertBatches(NpgsqlConnection connection)
{
    /// <summary>Beyond this many rows a table is loaded by COPY.</summary>
    public const long MaxRows = 100;

    private readonly List<(NpgsqlBatchCommand Command, TablePlan Table)> _pending = [];

    public static bool Fits(TablePlan table) => table.Rows <= MaxRows && !table.Staged && table.Copied.Count > 0;

    public void Add(TablePlan table)
    {
        var sql = new StringBuilder($"INSERT INTO {table.Table.Sql} ({string.Join(", ", table.Copied.Select(c => SqlNames.Quote(c.Column.Name)))}) VALUES ");
        var command = new NpgsqlBatchCommand();
        for (var row = 0L; row < table.Rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < table.Copied.Count; i++)
            {
                var (column, filler) = table.Copied[i];
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = filler.ParameterType, Value = filler.Value(row) ?? DBNull.Value });
                sql.Append(i == 0 ? "" : ", ").Append('$').Append(command.Parameters.Count).Append("::").Append(column.SqlType);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        _pending.Add((command, table));
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (command, _) in _pending)
            batch.BatchCommands.Add(command);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested && !Execution.ServerFault.IsFault(e))
        {
            var failed = _pending.FirstOrDefault(p => p.Command == e.BatchCommand).Table ?? _pending[0].Table;
            throw LoadErrors.Explain(e, failed);
        }
        finally
        {
            _pending.Clear();
        }
    }
}
