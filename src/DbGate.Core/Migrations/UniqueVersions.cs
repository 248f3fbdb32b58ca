using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>Tools that key their history by version (diesel, dbmate) refuse a project where two migrations share one.</summary>
internal static class UniqueVersions
{
    /// <summary>Throws, naming the version and its migrations, when two migrations have the same version.</summary>
    public static void Check(IEnumerable<Migration> migrations)
    {
        var duplicate = migrations.GroupBy(m => m.Version, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ConfigurationException($"version {duplicate.Key} is used by more than one migration: {string.Join(", ", duplicate.Select(m => m.Id).Order(StringComparer.Ordinal))}");
    }
}
