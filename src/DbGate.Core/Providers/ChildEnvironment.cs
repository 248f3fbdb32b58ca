using System.Diagnostics;

namespace DbGate.Core.Providers;

/// <summary>
/// What a program DbGate starts (initdb, postgres, cp, pg_config) inherits from its environment: only what it needs.
/// DbGate's environment may hold the CI's secrets (DBGATE_CONNECTION, PGPASSWORD, tokens); the postmaster and every
/// backend would otherwise carry them, readable in /proc by the server's OS user and by any program a migration
/// manages to start there.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] Inherited = ["PATH", "TZ", "TMPDIR"];

    public static ProcessStartInfo WithoutSecrets(this ProcessStartInfo info)
    {
        foreach (var name in info.Environment.Keys.Where(k => !Inherited.Contains(k, StringComparer.Ordinal)).ToList())
            info.Environment.Remove(name);
        info.Environment["LC_ALL"] = "C";
        return info;
    }
}
