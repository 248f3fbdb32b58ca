using System.Text;

namespace DbGate.Tests.BadInput;

/// <summary>What the bad-input cases do to their copies: bytes, links and modes that a text fixture in git cannot hold.</summary>
internal static class FixtureBytes
{
    public const int HugeStatements = 1_000;
    public const int HugeLiteralLength = 105_000;

    public static void Reencode(string file, Encoding encoding, bool withPreamble) =>
        File.WriteAllBytes(file, [.. withPreamble ? encoding.GetPreamble() : [], .. encoding.GetBytes(File.ReadAllText(file))]);

    public static void PrefixBom(string file) => File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)]);

    public static void Replace(string file, string marker, string replacement) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(marker, replacement, StringComparison.Ordinal));

    public static void ToCrlf(string file) => Replace(file, "\n", "\r\n");

    public static void Link(string path, string target) => File.CreateSymbolicLink(path, target);

    public static void Unreadable(string path)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the bad-input cases need Unix file modes");
        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    /// <summary>
    /// A 100 MB data migration: a thousand INSERTs of 105 KB each, then a statement that fails, so the finding's line
    /// and column show the whole file was read, split and located.
    /// </summary>
    public static void WriteHugeBackfill(string file)
    {
        using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        var payload = new string('x', HugeLiteralLength);
        for (var i = 1; i <= HugeStatements; i++)
            writer.Write($"INSERT INTO huge VALUES ({i}, '{payload}');\n");
        writer.Write("SELECT nosuch FROM huge;\n");
    }

    public static Encoding Latin1 => Encoding.Latin1;
}
