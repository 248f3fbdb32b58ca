using System.Buffers;
using System.Text.Unicode;

namespace DbGate.Core.Configuration;

/// <summary>
/// dbgate.yml's bytes as text, refused with a located line when they are not text: a NUL byte (a binary file saved
/// under the name), bytes that are not UTF-8, or more than a configuration file could need (a device such as
/// /dev/zero given to --config would otherwise be read until memory runs out). A UTF-16 or UTF-32 byte order mark
/// is honoured, as YAML allows.
/// </summary>
internal static class ConfigText
{
    public const int MaxBytes = 16 << 20;

    public static async Task<string> ReadAsync(string path, string name, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        var buffer = new byte[64 * 1024];
        using var bytes = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > MaxBytes)
                throw new ConfigurationException($"{name} is larger than {MaxBytes >> 20} MB; a dbgate.yml is a few KB of YAML");
        }
        return Decode(bytes.ToArray(), name);
    }

    public static string Decode(byte[] bytes, string name)
    {
        if (HasUnicodePreamble(bytes))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            throw new ConfigurationException($"{At(bytes, nul, name)}: the file holds a NUL byte (at byte offset {nul}), so it is not YAML text; is it the file you meant?");
        var span = bytes.AsSpan(bytes.AsSpan().StartsWith(Preamble) ? Preamble.Length : 0);
        var chars = new char[span.Length];
        if (Utf8.ToUtf16(span, chars, out var consumed, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            return new string(chars, 0, written);
        var offset = consumed + (bytes.Length - span.Length);
        throw new ConfigurationException($"{At(bytes, offset, name)}: the file is not valid UTF-8 at byte offset {offset} (0x{bytes[offset]:X2}): save it as UTF-8");
    }

    private static ReadOnlySpan<byte> Preamble => [0xEF, 0xBB, 0xBF];

    private static bool HasUnicodePreamble(byte[] bytes) =>
        bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];

    /// <summary>name:line:column of a byte, counting columns in bytes: the text there cannot be decoded to count characters.</summary>
    private static string At(byte[] bytes, int offset, string name)
    {
        var before = bytes.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        return $"{name}:{line}:{offset - before.LastIndexOf((byte)'\n')}";
    }
}
