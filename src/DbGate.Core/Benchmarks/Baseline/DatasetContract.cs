using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DbGate.Core.Seeding;

namespace DbGate.Core.Benchmarks.Baseline;

/// <summary>
/// What two benchmark runs must share for their figures to compare: the seed, the generator's version, the server's
/// major version, and dbgate.yml's row counts and column overrides. The schema may differ: that is the change checked.
/// </summary>
internal static class DatasetContract
{
    /// <summary>The major version of server_version (15.18, 17.2 (Debian …)): what baselines and contracts are matched by.</summary>
    public static string Major(string serverVersion) => serverVersion.Split('.', ' ')[0];

    public static string Of(SeedOptions seed, string serverVersion)
    {
        var rows = string.Join(";", seed.Rows.Select(r => $"{r.Table}={r.Rows}").Order(StringComparer.Ordinal));
        var columns = string.Join(";", seed.Columns.Select(c =>
            $"{c.Column}:{string.Join(",", c.Values ?? [])}|{string.Join(",", (c.Weights ?? []).Select(w => w.ToString(CultureInfo.InvariantCulture)))}|{c.Distribution}|{c.Skew.ToString(CultureInfo.InvariantCulture)}|{c.NullFraction?.ToString(CultureInfo.InvariantCulture)}|{c.Min}|{c.Max}|{c.Sql}")
            .Order(StringComparer.Ordinal));
        var shape = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed.DefaultRows}/{rows}/{columns}/{string.Join(",", seed.Scripts.Select(s => s.RelativePath))}")))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"seed {seed.Seed}, generator {Seeder.GeneratorVersion}, PostgreSQL {Major(serverVersion)}, rows and overrides {shape}");
    }
}
