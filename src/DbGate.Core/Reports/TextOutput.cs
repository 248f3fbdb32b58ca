using System.Text;

namespace DbGate.Core.Reports;

internal static class TextOutput
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text as UTF-8 and leaves the stream open: the caller owns it (it may be stdout).</summary>
    public static async Task WriteAsync(Stream output, string text, CancellationToken ct)
    {
        var writer = new StreamWriter(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(text.AsMemory(), ct).ConfigureAwait(false);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
