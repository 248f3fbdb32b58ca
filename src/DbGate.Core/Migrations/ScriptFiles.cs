using System.Runtime.InteropServices;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>
/// Reading migration files safely: a file DbGate cannot read makes the project unusable (exit 2, one line naming
/// it), and a symbolic link may not lead out of the project, so a pull request cannot make DbGate read, run or
/// quote in its reports a file such as ~/.pgpass, /proc/self/environ or /dev/zero.
/// </summary>
internal static partial class ScriptFiles
{
    /// <summary>Throws unless the file resolves, without a loop, to a readable file inside one of <paramref name="roots"/>.</summary>
    public static void Check(string projectRoot, string fullPath, IReadOnlyList<string> roots)
    {
        var relative = ProjectPaths.Relative(projectRoot, fullPath);
        if (!OperatingSystem.IsWindows())
        {
            var real = RealPath(fullPath) ?? throw Unresolvable(relative, Marshal.GetLastPInvokeError());
            if (!roots.Select(RealPath).OfType<string>().Any(root => IsUnder(real, root)))
                throw new ConfigurationException($"{relative} leads through a symbolic link to {real}, outside the project: DbGate reads migrations only from inside it");
        }
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(relative, e);
        }
    }

    public static async Task<byte[]> ReadAsync(MigrationScript script, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(script.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(script.RelativePath, e);
        }
    }

    public static ConfigurationException CannotRead(string relative, Exception e) =>
        new(e is UnauthorizedAccessException ? $"cannot read {relative}: permission denied" : $"cannot read {relative}: {e.Message}", e);

    private static ConfigurationException Unresolvable(string relative, int errno) => errno switch
    {
        ELoop or ELoopDarwin => new($"{relative} is a symbolic link loop"),
        EAccess => new($"cannot read {relative}: permission denied"),
        _ => new($"cannot read {relative}: {Marshal.GetPInvokeErrorMessage(errno)}"),
    };

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>realpath(3): every symbolic link and '..' resolved; null when that fails (errno says why).</summary>
    private static string? RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    private const int EAccess = 13;
    private const int ELoop = 40;
    private const int ELoopDarwin = 62;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);

    [LibraryImport("libc")]
    private static partial void free(IntPtr pointer);
}
