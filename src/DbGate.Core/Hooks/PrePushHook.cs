using System.Text;
using DbGate.Core.Configuration;
using DbGate.Core.Gate.Changes;

namespace DbGate.Core.Hooks;

/// <summary>
/// A git pre-push hook that runs <c>dotnet dbgate check --changed</c>, so a migration that fails the gate never
/// leaves the machine. Written where git looks for hooks (core.hooksPath when set); a hook DbGate did not write is
/// never replaced without --force, and then kept beside it to come back on uninstall.
/// </summary>
public static class PrePushHook
{
    internal const string Marker = "# dbgate: pre-push hook";
    private const string BackupSuffix = ".dbgate-backup";

    /// <summary>Installs the hook for the repository holding <paramref name="directory"/>; returns the hook's path.</summary>
    /// <param name="path">What <c>check</c> is given (the migrations folder, or the folder holding dbgate.yml); null for the repository root.</param>
    public static async Task<string> InstallAsync(string directory, string? path, bool force, CancellationToken cancellationToken)
    {
        var (git, hook) = await LocateAsync(directory, cancellationToken);
        var target = path is null ? "." : await TargetAsync(git, path, directory, cancellationToken);
        if (File.Exists(hook) && !IsOurs(hook))
        {
            if (!force)
                throw new ConfigurationException($"{hook} exists and was not written by DbGate: pass --force to replace it (it is kept as pre-push{BackupSuffix})");
            File.Copy(hook, hook + BackupSuffix, overwrite: true);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        await File.WriteAllTextAsync(hook, Script(target), new UTF8Encoding(false), cancellationToken);
        // Git for Windows runs hooks through its own sh and ignores the mode.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return hook;
    }

    /// <summary>Removes DbGate's hook (restoring the one it replaced, if any); returns a one-line account of what it did.</summary>
    public static async Task<string> UninstallAsync(string directory, CancellationToken cancellationToken)
    {
        var (_, hook) = await LocateAsync(directory, cancellationToken);
        if (!File.Exists(hook))
            return $"no pre-push hook at {hook}";
        if (!IsOurs(hook))
            throw new ConfigurationException($"{hook} was not written by DbGate: left alone");
        File.Delete(hook);
        if (!File.Exists(hook + BackupSuffix))
            return $"removed {hook}";
        File.Move(hook + BackupSuffix, hook);
        return $"removed DbGate's hook and restored the previous {hook}";
    }

    /// <summary>
    /// PATH relative to the repository's top level, where the hook runs. A folder that is not there, or one git places
    /// in no repository or in another one (whose pushes this hook never sees), would make a hook that fails every push
    /// or checks nothing: refused here, where it is typed.
    /// </summary>
    private static async Task<string> TargetAsync(Git git, string path, string directory, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path, directory);
        if (!Directory.Exists(full))
            throw new ConfigurationException(File.Exists(full)
                ? $"hook install: {path} is a file; PATH is the migrations folder, or the folder holding dbgate.yml, that the hook checks"
                : $"hook install: {path} does not exist; PATH is the migrations folder, or the folder holding dbgate.yml, that the hook checks");
        var holder = await Git.TryOpenAsync(full, cancellationToken);
        if (holder is null)
            throw new ConfigurationException($"hook install: {path} is not in a git repository; the hook is for {git.Root}, and checks a folder in it");
        if (!string.Equals(Path.GetFullPath(holder.Root), Path.GetFullPath(git.Root), StringComparison.Ordinal))
            throw new ConfigurationException($"hook install: {path} is in the git repository {holder.Root}, not in {git.Root}, whose pushes the hook checks");
        return Path.GetRelativePath(git.Root, full).Replace('\\', '/');
    }

    private static async Task<(Git Git, string Hook)> LocateAsync(string directory, CancellationToken cancellationToken)
    {
        var git = await Git.OpenAsync(directory, cancellationToken, "hook install");
        // Honours core.hooksPath; relative to the top-level folder, where git runs hooks.
        var hooks = (await git.ReadAsync(["rev-parse", "--git-path", "hooks"], cancellationToken)).Trim();
        return (git, Path.Combine(Path.GetFullPath(hooks, git.Root), "pre-push"));
    }

    private static bool IsOurs(string hook) => File.ReadLines(hook).Take(3).Any(line => line.StartsWith(Marker, StringComparison.Ordinal));

    internal static string Script(string target)
    {
        var quoted = "'" + target.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        return $"""
            #!/bin/sh
            {Marker} (written by `dotnet dbgate hook install`; remove it with `dotnet dbgate hook uninstall`)
            # Gates the migrations that are new or changed against the upstream before they are pushed.
            # DBGATE_SKIP=1 git push skips it once.
            [ "$DBGATE_SKIP" = "1" ] && exit 0
            cd "$(git rev-parse --show-toplevel)" || exit 1
            # A tool manifest here that pins DbGate: `dotnet dbgate` runs that version. Otherwise the global tool's own
            # launcher, which starts DbGate without the SDK resolving the command first (bench/startup.sh).
            if ! grep -qs '"dbgate"' .config/dotnet-tools.json dotnet-tools.json && command -v dotnet-dbgate >/dev/null 2>&1; then
              exec dotnet-dbgate check --changed {quoted} </dev/null
            fi
            # The SDK serves here only to find DbGate in the manifest: without its telemetry, which costs every push time
            # (bench/startup.sh), as DbGate's own dotnet ef calls run without it.
            DOTNET_CLI_TELEMETRY_OPTOUT=1 exec dotnet dbgate check --changed {quoted} </dev/null

            """;
    }
}
