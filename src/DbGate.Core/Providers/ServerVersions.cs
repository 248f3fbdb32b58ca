namespace DbGate.Core.Providers;

/// <summary>PostgreSQL version strings: server_version ("15.18", "17.2 (Debian 17.2-1.pgdg)") and postgres --version's number.</summary>
public static class ServerVersions
{
    /// <summary>The major version, such as "15": what runs and baselines are matched by, since minor releases keep catalogs and planner.</summary>
    public static string Major(string version) => version.Split('.', ' ')[0];
}
