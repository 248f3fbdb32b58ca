using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;
using NpgsqlTypes;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Loads one table with binary COPY. A table with columns dbgate.yml gives as SQL (or one whose row-level security
/// refuses COPY) goes through a temporary staging table holding the row number n: the server then computes those
/// columns in one INSERT … SELECT, so any expression and any type works.
/// </summary>
internal static class TableLoader
{
    private const string Stage = "pg_temp.dbgate_seed_stage";
    private const int CancellationCheck = 8192;

    /// <param name="freeze">The table was truncated in this transaction: its rows may be written frozen.</param>
    public static async Task LoadAsync(NpgsqlConnection connection, TablePlan plan, bool freeze, CancellationToken cancellationToken)
    {
        var table = plan.Table;
        if (!plan.Staged && plan.Copied.Count > 0)
        {
            var columns = string.Join(", ", plan.Copied.Select(c => SqlNames.Quote(c.Column.Name)));
            await CopyAsync(connection, $"COPY {table.Sql} ({columns}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})", plan, withRowNumber: false, cancellationToken);
            return;
        }
        var staged = plan.Copied.Select(c => (Name: SqlNames.Quote(c.Column.Name), c.Column.SqlType)).ToList();
        var definition = string.Join(", ", staged.Select(c => $"{c.Name} {c.SqlType}").Prepend("n int8"));
        await ScriptExecutor.ExecuteAsync(connection, $"CREATE TEMPORARY TABLE {Stage} ({definition}) ON COMMIT DROP", cancellationToken);
        await CopyAsync(connection, $"COPY {Stage} ({string.Join(", ", staged.Select(c => c.Name).Prepend("n"))}) FROM STDIN (FORMAT BINARY)", plan, withRowNumber: true, cancellationToken);
        var (insert, spans) = Insert(plan);
        var several = plan.Computed.Count > 1;
        if (several)
            await ScriptExecutor.ExecuteAsync(connection, $"SAVEPOINT {ComputedBlame.Savepoint}", cancellationToken);
        try
        {
            await ScriptExecutor.ExecuteAsync(connection, insert, cancellationToken);
        }
        catch (PostgresException e) when (!Execution.ServerFault.IsFault(e) && e.Position > 0 && spans.FirstOrDefault(s => e.Position - 1 >= s.Start && e.Position - 1 < s.End) is { Column: not null } span)
        {
            // The span is "(expression)::type": the expression's own text starts one character in.
            throw Blame(table, span.Column, e, span.Column.LocationAt(e.Position - 1 - span.Start - 1));
        }
        catch (PostgresException e) when (!Execution.ServerFault.IsFault(e) && e.Position == 0 && plan.Computed.Count > 0 && ComputedBlame.IsEvaluationError(e))
        {
            if (await ComputedBlame.FindAsync(connection, plan, Stage, cancellationToken) is { } column)
                throw Blame(table, column, e, column.Location);
            throw;
        }
        if (several)
            await ScriptExecutor.ExecuteAsync(connection, $"RELEASE SAVEPOINT {ComputedBlame.Savepoint}", cancellationToken);
        await ScriptExecutor.ExecuteAsync(connection, $"DROP TABLE {Stage}", cancellationToken);
    }

    private static ConfigurationException Blame(SeedTable table, ComputedColumn column, PostgresException e, ConfigLocation? at) =>
        LocatedError.At(at, $"seed.columns.{table.Display}.{column.Column.Name}", $"sql: {e.MessageText}");

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, TablePlan plan, bool withRowNumber, CancellationToken cancellationToken)
    {
        var fillers = plan.Copied.Select(c => c.Filler).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        for (var row = 0L; row < plan.Rows; row++)
        {
            if (row % CancellationCheck == 0)
                cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            if (withRowNumber)
                importer.Write(row + 1, NpgsqlDbType.Bigint);
            foreach (var filler in fillers)
                filler.Write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>INSERT … SELECT from the stage, remembering where each expression sits so an error can name its column.</summary>
    private static (string Sql, List<(int Start, int End, ComputedColumn? Column)> Spans) Insert(TablePlan plan)
    {
        var targets = plan.Copied.Select(c => SqlNames.Quote(c.Column.Name)).Concat(plan.Computed.Select(c => SqlNames.Quote(c.Column.Name))).ToList();
        var sql = new StringBuilder($"INSERT INTO {plan.Table.Sql} ");
        if (targets.Count > 0)
            sql.Append('(').AppendJoin(", ", targets).Append(") ");
        sql.Append("SELECT ");
        var spans = new List<(int, int, ComputedColumn?)>();
        var items = plan.Copied.Select(c => ((string)SqlNames.Quote(c.Column.Name), (ComputedColumn?)null))
            .Concat(plan.Computed.Select(c => ($"({c.Expression})::{c.Column.SqlType}", (ComputedColumn?)c)))
            .ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                sql.Append(", ");
            var start = sql.Length;
            sql.Append(items[i].Item1);
            spans.Add((start, sql.Length, items[i].Item2));
        }
        sql.Append($" FROM {Stage} ORDER BY n");
        return (sql.ToString(), spans);
    }
}
