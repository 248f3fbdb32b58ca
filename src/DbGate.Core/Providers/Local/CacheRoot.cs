namespace DbGate.Core.Providers.Local;

/// <summary>Where DbGate keeps what it can rebuild: cluster templates and migrated prefixes.</summary>
internal static class CacheRoot
{
    public const string Variable = "DBGATE_CACHE";

    /// <summary>
    /// DBGATE_CACHE (or the older DBGATE_CACHE_DIR); as root, /var/cache/dbgate, because the server runs as another
    /// user and root's home is closed to it; otherwise the user's cache folder ($XDG_CACHE_HOME or ~/.cache).
    /// </summary>
    public static string Path(UnixUser? runAs)
    {
        foreach (var name in new[] { Variable, "DBGATE_CACHE_DIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } configured)
                return System.IO.Path.GetFullPath(configured);
        }
        if (runAs is not null)
            return "/var/cache/dbgate";
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrEmpty(xdg) ? xdg : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return System.IO.Path.Combine(cache, "dbgate");
    }
}
