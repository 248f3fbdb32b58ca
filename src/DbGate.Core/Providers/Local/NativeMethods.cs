using System.Runtime.InteropServices;

namespace DbGate.Core.Providers.Local;

/// <summary>The few libc calls .NET has no API for: who we are, whom to run as, and signalling the postmaster.</summary>
internal static partial class NativeMethods
{
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;

    [StructLayout(LayoutKind.Sequential)]
    internal struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial uint geteuid();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr getpwnam(string name);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int chown(string path, int owner, int group);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int kill(int pid, int signal);
}
