using DbGate.Core.Configuration;

namespace DbGate.Core.Gate.Changes;

/// <summary>The commit the migrations are compared with: where this branch left its base.</summary>
/// <param name="Name">The ref as people know it, such as origin/main.</param>
internal sealed record BaseRevision(string Name, string Commit)
{
    /// <summary>
    /// <paramref name="requested"/> when given; otherwise the upstream of the current branch, else the remote's default
    /// branch, else a local main or master. The fork point with HEAD, so commits the base gained since do not count.
    /// </summary>
    public static async Task<BaseRevision> ResolveAsync(Git git, string? requested, CancellationToken cancellationToken)
    {
        var name = requested ?? await DefaultAsync(git, cancellationToken)
            ?? throw new ConfigurationException("--changed found no base to compare with (no upstream branch, no main or master): pass --base REF");
        var commit = (await git.TryReadAsync(["rev-parse", "--verify", "--quiet", name + "^{commit}"], cancellationToken))?.Trim();
        if (string.IsNullOrEmpty(commit))
            throw new ConfigurationException($"--base {name}: no such commit in {git.Root}");
        var forkPoint = (await git.TryReadAsync(["merge-base", "HEAD", commit], cancellationToken))?.Trim();
        return new BaseRevision(name, string.IsNullOrEmpty(forkPoint) ? commit : forkPoint);
    }

    private static async Task<string?> DefaultAsync(Git git, CancellationToken cancellationToken)
    {
        var upstream = (await git.TryReadAsync(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], cancellationToken))?.Trim();
        if (!string.IsNullOrEmpty(upstream))
            return upstream;
        var remoteHead = (await git.TryReadAsync(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], cancellationToken))?.Trim();
        if (!string.IsNullOrEmpty(remoteHead))
            return remoteHead;
        foreach (var candidate in new[] { "origin/main", "origin/master", "main", "master" })
        {
            if (await git.TryReadAsync(["rev-parse", "--verify", "--quiet", candidate + "^{commit}"], cancellationToken) is { Length: > 0 })
                return candidate;
        }
        return null;
    }
}
