using DbGate.Core.Configuration;
using DbGate.Core.Execution.Privileges;
using DbGate.Core.Providers;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Execution;

/// <summary>
/// The fallback when the connection's role may not create databases: the database the connection names. DbGate
/// refuses it when it already holds objects, unless the user says otherwise; there it applies ups only.
/// </summary>
internal static class ExistingDatabase
{
    public static async Task<WorkDatabase> OpenAsync(IPostgresServer server, WorkDatabaseOptions options, AdminRights rights, int version, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString);
        var name = builder.Database ?? rights.UserName;
        await using (var connection = await WorkDatabase.OpenAdminAsync(server.AdminConnectionString, cancellationToken))
        {
            var objects = Objects(await SnapshotReader.ReadAsync(connection, SnapshotOptions.Default, cancellationToken));
            if (objects.Count > 0 && !options.AllowExistingDatabase)
            {
                throw new ConfigurationException(
                    $"role {rights.UserName} may not create databases, and database {name} holds objects DbGate did not create ({string.Join(", ", objects.Take(3))}{(objects.Count > 3 ? $" and {objects.Count - 3} more" : "")}); " +
                    "grant CREATEDB, or give --allow-existing-database to apply the ups there (downs, seeds and benchmarks never run in it)");
            }
        }
        var identity = RunIdentity.ConnectionRole(rights.UserName, $"it may not create databases, so DbGate works in the existing database {name} and applies ups only");
        return WorkDatabase.Existing(server.AdminConnectionString, name, version, options, identity);
    }

    /// <summary>What a fresh database would not hold: anything beyond the public schema and plpgsql.</summary>
    internal static List<string> Objects(SchemaSnapshot snapshot) =>
        snapshot.Schemas.Where(s => s.Name != "public").Select(s => $"schema {s.Name}")
            .Concat(snapshot.Extensions.Where(e => e.Name != "plpgsql").Select(e => $"extension {e.Name}"))
            .Concat(snapshot.Tables.Select(t => $"table {t.Schema}.{t.Name}"))
            .Concat(snapshot.Views.Select(v => $"view {v.Schema}.{v.Name}"))
            .Concat(snapshot.Sequences.Select(s => $"sequence {s.Schema}.{s.Name}"))
            .Concat(snapshot.Routines.Select(r => $"function {r.Schema}.{r.Name}"))
            .Concat(snapshot.Enums.Select(e => $"type {e.Schema}.{e.Name}"))
            .Concat(snapshot.Domains.Select(d => $"domain {d.Schema}.{d.Name}"))
            .Concat(snapshot.CompositeTypes.Select(c => $"type {c.Schema}.{c.Name}"))
            .ToList();
}
