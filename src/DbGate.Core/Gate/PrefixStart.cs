using System.Security.Cryptography;
using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Gate.Changes;
using DbGate.Core.Migrations;
using DbGate.Core.Providers;
using DbGate.Core.Providers.Local;

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
    internal sealed record Start(IPostgresProvider Provider, string? Template, bool ApplyForward, string? Failed = null);

    public static async Task<Start> PrepareAsync(IPostgresProvider provider, ChangePlan plan, GateOptions options, GateProgress progress, CancellationToken cancellationToken)
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
            return new Start(new LocalPostgresProvider(hit.Data), hit.Database, ApplyForward: false);
        }
        progress.Stage?.Invoke($"caching the {plan.Prefix.Count} unchanged migrations");
        progress.Log?.Invoke($"prefix cache miss ({key[..12]}): applying {plan.Prefix.Count} unchanged migrations once");
        await using var server = await LocalPostgresServer.StartAsync(binaries, cancellationToken);
        // Not disposed on success: this database is what the cache keeps.
        var database = await WorkDatabase.CreateAsync(server, WorkOptions(options), cancellationToken);
        if (await ApplyAsync(database, plan.Prefix, cancellationToken) is { } failed)
        {
            await database.DisposeAsync();
            return new Start(provider, null, ApplyForward: false, failed);
        }
        var entry = await PrefixClusterCache.StoreAsync(key, database.Name, runAs, destination => server.StopAndCopyDataAsync(destination, cancellationToken));
        return entry is null
            ? new Start(provider, null, ApplyForward: true)
            : new Start(new LocalPostgresProvider(entry.Data), entry.Database, ApplyForward: false);
    }

    /// <summary>
    /// The work database the checked migrations start from, and which migrations those are: all of them when an
    /// unchanged one fails to apply, since the prefix then proves nothing.
    /// </summary>
    public static async Task<(WorkDatabase Database, IReadOnlyList<Migration> Checked)> CreateWorkDatabaseAsync(
        IPostgresServer server, Start start, ChangePlan plan, IReadOnlyList<Migration> all, GateOptions options, GateProgress progress, CancellationToken cancellationToken)
    {
        if (start.Failed is not null)
            return (await Everything(start.Failed), all);
        var database = await WorkDatabase.CreateAsync(server, WorkOptions(options) with { Template = start.Template }, cancellationToken);
        if (!start.ApplyForward)
            return (database, plan.Checked);
        string? failed;
        try
        {
            progress.Stage?.Invoke($"applying the {plan.Prefix.Count} unchanged migrations");
            failed = await ApplyAsync(database, plan.Prefix, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        if (failed is null)
            return (database, plan.Checked);
        await database.DisposeAsync();
        return (await Everything(failed), all);

        async Task<WorkDatabase> Everything(string failedId)
        {
            progress.Warn?.Invoke($"{failedId} is unchanged since {plan.Base} but its up fails here: checking every migration");
            return await WorkDatabase.CreateAsync(server, WorkOptions(options), cancellationToken);
        }
    }

    /// <summary>How every work database of a run is set up, the cached prefix's as much as the checked one's.</summary>
    public static WorkDatabaseOptions WorkOptions(GateOptions options) =>
        new(options.StatementTimeout, options.Superuser, options.Extensions, options.AllowExistingDatabase);

    /// <summary>Applies each up forward, as the tool would; returns the id of the first that fails, or null.</summary>
    public static async Task<string?> ApplyAsync(WorkDatabase database, IReadOnlyList<Migration> prefix, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ForwardRun.ApplyAsync(connection, database, prefix, cancellationToken))?.Migration.Id;
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
