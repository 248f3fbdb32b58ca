namespace DbGate.Core.Configuration;

/// <summary>
/// Why a path that is a symbolic link leads nowhere: File.Exists and Directory.Exists both say false for a loop or
/// a dangling link, which would otherwise read as "not found" (or, for dbgate.yml, as no configuration at all).
/// </summary>
internal static class BrokenLinks
{
    /// <summary>"is a symbolic link loop", "is a symbolic link to X, which does not exist", or null when the path is no broken link.</summary>
    public static string? Problem(string path)
    {
        var link = new FileInfo(path);
        if (link.LinkTarget is not { } target)
            return null;
        try
        {
            var final = link.ResolveLinkTarget(returnFinalTarget: true);
            return final is null || final.Exists || Directory.Exists(final.FullName) ? null : $"is a symbolic link to {target}, which does not exist";
        }
        catch (IOException)
        {
            // ELOOP: the links lead back to themselves.
            return "is a symbolic link loop";
        }
    }
}
