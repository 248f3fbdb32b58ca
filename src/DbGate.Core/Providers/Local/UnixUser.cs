using System.Runtime.InteropServices;

namespace DbGate.Core.Providers.Local;

/// <summary>The unprivileged account the server runs as: initdb and postgres both refuse to run as root.</summary>
internal sealed record UnixUser(string Name, int Uid, int Gid)
{
    public static bool IsRoot => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? NativeMethods.geteuid() == 0 : false;

    /// <summary>DBGATE_RUN_AS, else the conventional 'postgres' account, else 'nobody'.</summary>
    public static UnixUser ForServer()
    {
        var requested = Environment.GetEnvironmentVariable("DBGATE_RUN_AS");
        var candidates = string.IsNullOrWhiteSpace(requested) ? ["postgres", "nobody"] : new[] { requested };
        foreach (var name in candidates)
        {
            var entry = NativeMethods.getpwnam(name);
            if (entry != IntPtr.Zero)
            {
                var passwd = Marshal.PtrToStructure<NativeMethods.Passwd>(entry);
                return new UnixUser(name, (int)passwd.Uid, (int)passwd.Gid);
            }
        }
        throw new InfrastructureException(
            $"running as root, and no unprivileged account ({string.Join(" or ", candidates)}) exists to run PostgreSQL; set DBGATE_RUN_AS to one");
    }

    public void Own(string path)
    {
        if (NativeMethods.chown(path, Uid, Gid) != 0)
            throw new InfrastructureException($"could not hand {path} to user {Name} (errno {Marshal.GetLastPInvokeError()})");
    }
}
