using System.Diagnostics;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Observation;

/// <summary>
/// SET TABLESPACE copies a table's files to the new place (its indexes stay where they are): a new relfilenode under
/// ACCESS EXCLUSIVE, the rewrite DBG102 reports.
/// The shared test server runs as an unprivileged OS user in a temporary directory, so the tablespace's directory is
/// made beside its data directory and handed to that user, as CREATE TABLESPACE requires.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class TablespaceObservationTests(PostgresFixture server)
{
    [Fact]
    public async Task SET_TABLESPACE_on_an_existing_table_is_observed_as_a_rewrite_of_the_table_under_ACCESS_EXCLUSIVE()
    {
        var name = "ts_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        var dataDirectory = (string)(await new NpgsqlCommand("SHOW data_directory", admin).ExecuteScalarAsync())!;
        var location = Path.Combine(Path.GetDirectoryName(dataDirectory.TrimEnd('/'))!, name);
        Directory.CreateDirectory(location);
        // The directory must belong to the server's OS user, who owns the data directory.
        using (var chown = Process.Start("chown", ["--reference", dataDirectory, location]))
            await chown.WaitForExitAsync();
        await ObservationHarness.ExecuteAsync(admin, $"CREATE TABLESPACE {name} LOCATION '{location}'");
        try
        {
            await using (var db = await server.CreateDatabaseAsync())
            {
                var observed = await ObservationHarness.RunAsync(
                    db.ConnectionString, "CREATE TABLE t (id int PRIMARY KEY);", $"ALTER TABLE t SET TABLESPACE {name};");

                Assert.False(observed.Run.Failed);
                var statement = observed.Statements[0];
                Assert.Equal(["public.t table"], statement.Rewrites.Select(r => $"{r.Name} {r.What}"));
                Assert.All(statement.Rewrites, r => Assert.NotEqual(r.FileNodeBefore, r.FileNodeAfter));
                Assert.Equal(["public.t AccessExclusive"], statement.TakenOnExisting.Names());
            }
        }
        finally
        {
            await ObservationHarness.ExecuteAsync(admin, $"DROP TABLESPACE IF EXISTS {name}");
            Directory.Delete(location, recursive: true);
        }
    }
}
