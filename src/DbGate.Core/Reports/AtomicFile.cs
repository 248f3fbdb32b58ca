using System.Globalization;

namespace DbGate.Core.Reports;

/// <summary>
/// Replaces a file in one step: the content goes to a temporary file in the same folder (so the rename never crosses
/// a file system), is flushed to disk, and is renamed over the target. Concurrent writers of one path each rename a
/// whole file of their own; the last rename wins.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        // Hidden, and unique per process and call, so concurrent runs never share one and globs for reports skip it.
        var temporary = Path.Combine(directory, string.Create(
            CultureInfo.InvariantCulture, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            // Name the report, not the temporary file nobody asked for.
            throw new IOException(e.Message.Replace(temporary, path, StringComparison.Ordinal), e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed, and that failure is what the caller reports.
        }
    }
}
