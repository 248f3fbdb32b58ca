using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DbGate.Core.Providers.Local;

/// <summary>Where initdb and postgres live, and which version they are.</summary>
internal sealed partial record PostgresBinaries(string BinDirectory, string Version)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>DBGATE_PG_BINDIR, then PATH, then `pg_config --bindir`, then the usual install directories (newest first).</summary>
    public static async Task<PostgresBinaries?> FindAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in await CandidatesAsync(cancellationToken))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres")))
            {
                var version = await ReadVersionAsync(Path.Combine(directory, "postgres"), cancellationToken);
                if (version is not null)
                    return new PostgresBinaries(directory, version);
            }
        }
        return null;
    }

    private static async Task<IEnumerable<string>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DBGATE_PG_BINDIR") is { Length: > 0 } configured)
            return [configured];
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (await RunAsync("pg_config", "--bindir", cancellationToken) is { } bindir)
            candidates.Add(bindir.Trim());
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt", "/usr/pgsql" })
        {
            if (Directory.Exists(root))
                candidates.AddRange(Directory.GetDirectories(root).OrderByDescending(NumericSuffix).Select(d => Path.Combine(d, "bin")));
        }
        return candidates.Distinct(StringComparer.Ordinal);
    }

    private static int NumericSuffix(string directory) =>
        DigitsAtEnd().Match(directory) is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static async Task<string?> ReadVersionAsync(string postgres, CancellationToken cancellationToken) =>
        await RunAsync(postgres, "--version", cancellationToken) is { } text && VersionNumber().Match(text) is { Success: true } m
            ? m.Value
            : null;

    private static async Task<string?> RunAsync(string file, string argument, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, RedirectStandardError = true }.WithoutSecrets());
            if (process is null)
                return null;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex DigitsAtEnd();

    [GeneratedRegex(@"\d+(\.\d+)+|\d+(?=\s|$)")]
    private static partial Regex VersionNumber();
}
