using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Loading;
using DbGate.Core.Seeding.Planning;
using Npgsql;

namespace DbGate.Core.Seeding;

/// <summary>
/// Fills a migrated database with deterministic rows: the team's seed.sql first, then every table still empty,
/// generated from its schema (types, CHECKs, enums, domains, unique keys, foreign keys) and dbgate.yml's seed
/// section, loaded with binary COPY in one transaction, then ANALYZEd.
/// </summary>
public static class Seeder
{
    /// <summary>
    /// Bumped whenever the same seed and schema would give other rows; part of <see cref="SeedResult.Fingerprint"/>.
    /// 2: the tables' own triggers no longer fire on generated rows.
    /// </summary>
    public const int GeneratorVersion = 2;

    /// <summary>
    /// Seeds the database <paramref name="connection"/> is open on, with that connection's role (so it needs no more
    /// rights than the migrations had). Call it outside a transaction: it commits its own.
    /// </summary>
    /// <exception cref="Configuration.ConfigurationException">
    /// The request cannot be met (a table or column that does not exist, more unique values than a column holds, a
    /// CHECK the generated rows break, a seed.sql that fails); the message is one line, at the dbgate.yml entry.
    /// </exception>
    public static async Task<SeedResult> SeedAsync(NpgsqlConnection connection, SeedOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        await SeedScripts.RunAsync(connection, options.Scripts, cancellationToken);
        var scripts = clock.Elapsed;
        // Types created by the migrations (enums above all) appeared after the connection loaded its type cache.
        await connection.ReloadTypesAsync(cancellationToken);
        var catalog = await SeedCatalogReader.ReadAsync(connection, options.History, cancellationToken);
        var plan = await SeedPlanner.PlanAsync(connection, catalog, options, insideTransaction: false, cancellationToken);
        LoadResult load;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            load = await SeedLoader.LoadAsync(connection, plan, options.Analyze, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new SeedResult(
            options.Seed, load.Tables, plan.Warnings, Fingerprint(plan.Description),
            scripts, clock.Elapsed - scripts - load.Analyze, load.Analyze, clock.Elapsed);
    }

    private static string Fingerprint(string description) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)))[..16];
}
