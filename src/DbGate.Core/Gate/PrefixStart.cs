using System.Security.Cryptography;
using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate.Changes;
using DbGate.Core.Migrations;
using DbGate.Core.Providers;
using DbGate.Core.Providers.Local;
using DbGate.Core.Snapshots;
using DbGate.Core.Provenance;

namespace DbGate.Core.Gate;

/// <summary>
/// Where a <c>--changed</c> run gets the unchanged prefix from: with local binaries, a cached stopped cluster in
/// which it is already applied (built on a miss); with other providers, its ups applied forward in the work database.
/// </summary>
internal static class PrefixStart
{
    /// <param name="Template">The database in the provider's cluster that holds the prefix, to create the work database from.</param>
    /// <param name="ApplyForward">True when the prefix must still be applied to the work database.</param>
    /// <param name="Failed">An unchanged migration whose up failed: the caller checks everything instead.</param>
    /// <param name="Provenance">Where the prefix's objects came from, as recorded when it was applied (kept with the
    /// cached cluster); null when it was not recorded.</param>
    internal sealed record Start(IPostgresProvider Provider, string? Template, bool ApplyForward, string? Failed = null, SchemaProvenance? Provenance = null);

    /// <param name="snapshots">How the health checks read the schema (<see cref="HealthSnapshots"/>), to record the
    /// prefix's provenance with when it is cached.</param>
    public static async Task<Start> PrepareAsync(IPostgresProvider provider, ChangePlan plan, GateOptions options, SnapshotOptions snapshots, GateProgress progress, CancellationToken cancellationToken)
    {
        if (plan.Prefix.Count == 0)
            return new Start(provider, null, ApplyForward: false);
        var binaries = provider is LocalPostgresProvider ? await PostgresBinaries.FindAsync(cancellationToken) : null;
        if (binaries is null)
        {
            progress.Log?.Invoke($"no prefix cache with the {provider.Name} provider: applying the {plan.Prefix.Count} unchanged migrations forward");
            return new Start(provider, null, ApplyForward: true);
        }
        var runAs = UnixUser.IsRoot ? UnixUser.ForServer() : null;
        var key = Key(binaries, runAs, $"{options.Format}|superuser={options.Superuser}|extensions={string.Join(',', options.Extensions)}", plan.PrefixFingerprints);
        if (PrefixClusterCache.Find(key, runAs) is { } hit)
        {
            progress.Log?.Invoke($"prefix cache hit: {plan.Prefix.Count} unchanged migrations ({key[..12]})");
            return new Start(new LocalPostgresProvider(hit.Data), hit.Database, ApplyForward: false, Provenance: hit.Provenance);
        }
        progress.Stage?.Invoke($"caching the {plan.Prefix.Count} unchanged migrations");
        progress.Log?.Invoke($"prefix cache miss ({key[..12]}): applying {plan.Prefix.Count} unchanged migrations once");
        await using var server = await LocalPostgresServer.StartAsync(binaries, cancellationToken);
        // Not disposed on success: this database is what the cache keeps.
        var database = await WorkDatabase.CreateAsync(server, WorkOptions(options), cancellationToken);
        // Recorded whether or not this run checks health: the entry serves every later run with the same key.
        var (failed, provenance) = await ApplyAsync(database, plan.Prefix, snapshots, options.Superuser, cancellationToken);
        if (failed is not null)
        {
            await database.DisposeAsync();
            return new Start(provider, null, ApplyForward: false, failed);
        }
        var entry = await PrefixClusterCache.StoreAsync(key, database.Name, runAs, provenance is null ? null : ProvenanceFile.Write(provenance),
            destination => server.StopAndCopyDataAsync(destination, cancellationToken));
        return entry is null
            ? new Start(provider, null, ApplyForward: true)
            : new Start(new LocalPostgresProvider(entry.Data), entry.Database, ApplyForward: false, Provenance: entry.Provenance ?? provenance);
    }

    /// <summary>The snapshot options provenance is recorded with: the health checks' (privileges included).</summary>
    public static SnapshotOptions HealthSnapshots(SnapshotOptions run) => run with { IncludePrivileges = true };

    /// <summary>
    /// The work database the checked migrations start from, and which migrations those are: all of them when an
    /// unchanged one fails to apply, since the prefix then proves nothing.
    /// </summary>
    /// <param name="snapshots">As for <see cref="PrepareAsync"/>: record the prefix's provenance when it is applied here.</param>
    public static async Task<WorkStart> CreateWorkDatabaseAsync(
        IPostgresServer server, Start start, ChangePlan plan, IReadOnlyList<Migration> all, GateOptions options, SnapshotOptions? snapshots, GateProgress progress, CancellationToken cancellationToken)
    {
        if (start.Failed is not null)
            return new(await Everything(start.Failed), all);
        var database = await WorkDatabase.CreateAsync(server, WorkOptions(options) with { Template = start.Template }, cancellationToken);
        if (!start.ApplyForward)
            return new(database, plan.Checked, start.Provenance);
        (string? Failed, SchemaProvenance? Provenance) applied;
        try
        {
            progress.Stage?.Invoke($"applying the {plan.Prefix.Count} unchanged migrations");
            applied = await ApplyAsync(database, plan.Prefix, snapshots, options.Superuser, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        if (applied.Failed is null)
            return new(database, plan.Checked, applied.Provenance);
        await database.DisposeAsync();
        return new(await Everything(applied.Failed), all);

        async Task<WorkDatabase> Everything(string failedId)
        {
            progress.Warn?.Invoke($"{failedId} is unchanged since {plan.Base} but its up fails here: checking every migration");
            return await WorkDatabase.CreateAsync(server, WorkOptions(options), cancellationToken);
        }
    }

    /// <summary>The work database, the migrations to check in it, and the provenance of those applied before them.</summary>
    internal sealed record WorkStart(WorkDatabase Database, IReadOnlyList<Migration> Checked, SchemaProvenance? Prefix = null);

    /// <summary>How every work database of a run is set up, the cached prefix's as much as the checked one's.</summary>
    public static WorkDatabaseOptions WorkOptions(GateOptions options) =>
        new(options.StatementTimeout, options.Superuser, options.Extensions, options.AllowExistingDatabase);

    /// <summary>
    /// Applies each up forward, as the tool would; returns the id of the first that fails, or null. With
    /// <paramref name="snapshots"/>, each statement is observed and the schema read after each up, as the step loop
    /// does, so that the prefix's objects keep the statements that created and changed them.
    /// </summary>
    /// <param name="rolesPossible">The migrations run as the superuser and may create roles: their origins are recorded too.</param>
    public static async Task<(string? Failed, SchemaProvenance? Provenance)> ApplyAsync(
        WorkDatabase database, IReadOnlyList<Migration> prefix, SnapshotOptions? snapshots, bool rolesPossible, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var recorder = snapshots is null ? null : await PrefixRecorder.StartAsync(connection, snapshots, rolesPossible, cancellationToken);
        foreach (var migration in prefix)
        {
            var up = await LoadedScript.LoadAsync(migration.Up, cancellationToken) with { Gateway = database.Extensions };
            var inTransaction = TransactionSemantics.RunsInTransaction(migration, up);
            var observer = recorder?.Observe(up, inTransaction);
            var run = await ScriptExecutor.RunAsTheToolWouldAsync(connection, up, inTransaction, cancellationToken, observer);
            if (run.Failed)
                return (migration.Id, null);
            if (recorder is not null)
                await recorder.RecordAsync(connection, migration, up, observer!, cancellationToken);
        }
        return (null, recorder?.Build());
    }

    /// <summary>
    /// Everything the prefix's state depends on: the migrations' content, the format, the server binaries and the
    /// account they run as, and this build of DbGate (its module id changes with any change to how it applies them).
    /// </summary>
    /// <param name="setup">The format and whatever else shapes the work database (superuser, listed extensions).</param>
    internal static string Key(PostgresBinaries binaries, UnixUser? runAs, string setup, IReadOnlyList<string> fingerprints)
    {
        var text = new StringBuilder()
            .Append("dbgate-prefix-v1\n")
            .Append(typeof(PrefixStart).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(binaries.Version).Append('\n').Append(binaries.BinDirectory).Append('\n')
            .Append(runAs?.Uid ?? -1).Append('\n').Append(setup).Append('\n')
            .AppendJoin('\n', fingerprints);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
