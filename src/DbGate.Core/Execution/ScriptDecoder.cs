using System.Buffers;
using System.Globalization;
using System.Text;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution;

/// <summary>A migration file as text, or why the migration tool could not send it, located in the file.</summary>
internal sealed record DecodedScript(string Text, string? Problem = null, SqlLocation Where = default);

/// <summary>
/// Reads a migration file's bytes as diesel and golang-migrate do: as UTF-8, sent to PostgreSQL unchanged. Neither
/// strips a byte order mark or converts another encoding, so every file they cannot send is a failure of that
/// script here too, named at the byte that breaks it, rather than a file DbGate quietly repairs and passes.
/// </summary>
internal static class ScriptDecoder
{
    private const string SaveAsUtf8 = "save it as UTF-8 without a byte order mark";

    public static DecodedScript Decode(ReadOnlySpan<byte> bytes)
    {
        if (Utf16Bom(bytes) is { } utf16)
        {
            return Failed($"the file is {utf16} (it starts with a byte order mark); the migration tool sends it to PostgreSQL as UTF-8, which rejects it: {SaveAsUtf8}", new SqlLocation(1, 1));
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            return Failed(
                "the file starts with a UTF-8 byte order mark, which the migration tool sends to PostgreSQL in front of the first statement, where it is a syntax error: "
                + SaveAsUtf8,
                new SqlLocation(1, 1));
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var guess = LooksLikeUtf16(bytes) ? "; it looks like UTF-16 without a byte order mark: save it as UTF-8" : "";
            return Failed($"the file holds a NUL byte (at byte offset {Offset(nul)}), which PostgreSQL accepts nowhere in SQL text{guess}", LocationAfter(bytes[..nul]));
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var invalid = FirstInvalidByte(bytes);
            return Failed(
                $"the file is not valid UTF-8 at byte offset {Offset(invalid)} (0x{bytes[invalid]:X2}); the migration tool sends it to PostgreSQL as UTF-8, which rejects it: "
                + "save it as UTF-8 (it may be Latin-1 or Windows-1252)",
                LocationAfter(bytes[..invalid]));
        }

        return new DecodedScript(Encoding.UTF8.GetString(bytes));
    }

    private static DecodedScript Failed(string problem, SqlLocation where) => new("", problem, where);

    private static string? Utf16Bom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32LE",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32BE",
        [0xFF, 0xFE, ..] => "UTF-16LE",
        [0xFE, 0xFF, ..] => "UTF-16BE",
        _ => null,
    };

    /// <summary>UTF-16 text that is mostly ASCII has a NUL in every other byte, all on the same side.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 512)];
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] != 0)
            {
                continue;
            }

            if (i % 2 == 0)
            {
                even++;
            }
            else
            {
                odd++;
            }
        }

        return Math.Max(even, odd) * 4 >= sample.Length && Math.Min(even, odd) == 0;
    }

    /// <summary>Only on the failure path, so a per-character walk is affordable even for a huge file.</summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed) != OperationStatus.Done)
            {
                return position;
            }

            position += consumed;
        }

        return position;
    }

    /// <summary>Where the byte after <paramref name="prefix"/> is, counted as the splitter counts (UTF-16 columns).</summary>
    private static SqlLocation LocationAfter(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.UTF8.GetString(prefix);
        return LineCounter.ForFile(text).LocationOf(text.Length);
    }

    private static string Offset(int offset) => offset.ToString(CultureInfo.InvariantCulture);
}
