using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding.Loading;

/// <summary>
/// Sets the foreign keys of a cycle that were loaded as NULL: reads the parent's keys and the child's rows (in
/// physical order, which a fresh COPY makes the load order), and updates every row in one statement.
/// </summary>
internal static class ForeignKeyRepairs
{
    public static async Task RunAsync(NpgsqlConnection connection, ForeignKeyRepair repair, CancellationToken cancellationToken)
    {
        foreach (var (_, keys) in repair.Columns)
            await keys.LoadAsync(connection, cancellationToken);
        // ctid travels as text: Npgsql has no tid[] parameters.
        var rows = new List<(long Relation, string Tid)>();
        await using (var command = new NpgsqlCommand($"SELECT t.tableoid::int8 AS rel, t.ctid::text AS tid FROM {repair.Child.Sql} t ORDER BY t.tableoid, t.ctid", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        var chosen = Enumerable.Range(0, rows.Count)
            .Select(i => (Row: i, Parent: repair.Nulls.IsNull(i) ? -1 : repair.ParentRow.Pick(i)))
            .Where(x => x.Parent >= 0 && x.Parent < repair.Columns[0].Keys.Count)
            .ToList();
        if (chosen.Count == 0)
            return;
        var update = new NpgsqlCommand { Connection = connection };
        var assignments = repair.Columns.Select((c, i) => $"{SqlNames.Quote(c.Column.Name)} = v.c{i}::{c.Column.SqlType}");
        var unnest = string.Join(", ", repair.Columns.Select((_, i) => $"${i + 3}").Prepend("$2").Prepend("$1"));
        var aliases = string.Join(", ", repair.Columns.Select((_, i) => $"c{i}").Prepend("tid").Prepend("rel"));
        update.CommandText = $"UPDATE {repair.Child.Sql} t SET {string.Join(", ", assignments)} FROM unnest({unnest}) AS v({aliases}) WHERE t.tableoid = v.rel::oid AND t.ctid = v.tid::tid";
        update.Parameters.Add(new NpgsqlParameter { Value = chosen.Select(x => rows[x.Row].Relation).ToArray() });
        update.Parameters.Add(new NpgsqlParameter { Value = chosen.Select(x => rows[x.Row].Tid).ToArray() });
        foreach (var (_, keys) in repair.Columns)
            update.Parameters.Add(new NpgsqlParameter { Value = keys.Pick(chosen.Select(x => x.Parent)) });
        await using (update)
            await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
