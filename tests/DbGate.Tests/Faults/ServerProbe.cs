using System.Diagnostics;
using Npgsql;

namespace DbGate.Tests.Faults;

/// <summary>
/// A connection of the test's own to the server a run is using, from where faults are provoked as a DBA would:
/// terminating a backend, holding a lock. It also tells when the run has reached the statement to disturb.
/// </summary>
internal sealed class ServerProbe(NpgsqlConnection connection) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public NpgsqlConnection Connection => connection;

    /// <summary>The local server a run started in <paramref name="tempDirectory"/>, reached through its socket as its superuser.</summary>
    public static async Task<ServerProbe> LocalAsync(string tempDirectory)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var directory in LeftOvers.ServerDirectories(tempDirectory))
            {
                if (File.Exists(Path.Combine(directory, ".s.PGSQL.5432")))
                {
                    try
                    {
                        return await ConnectAsync($"Host={directory};Username=dbgate;Database=postgres;Pooling=false");
                    }
                    catch (NpgsqlException) when (clock.Elapsed < Patience)
                    {
                        // still starting up
                    }
                }
            }
            Assert.True(clock.Elapsed < Patience, "the run's server never appeared");
            await Task.Delay(50);
        }
    }

    public static async Task<ServerProbe> ConnectAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new ServerProbe(connection);
    }

    /// <summary>Waits until another session runs a statement containing <paramref name="fragment"/> (and, if given, waits on that kind of event).</summary>
    public async Task<(int Pid, string Database)> WaitForStatementAsync(string fragment, string? waitEventType = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var command = new NpgsqlCommand(
                "SELECT pid, datname FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active' AND position(@fragment in query) > 0 AND (@wait::text IS NULL OR wait_event_type = @wait)",
                connection))
            {
                command.Parameters.AddWithValue("fragment", fragment);
                command.Parameters.AddWithValue("wait", (object?)waitEventType ?? DBNull.Value);
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                    return (reader.GetInt32(0), reader.GetString(1));
            }
            Assert.True(clock.Elapsed < Patience, $"no session ever ran '{fragment}'");
            await Task.Delay(50);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
