using System.Diagnostics;
using System.Globalization;

namespace DbGate.Core.Providers.Local;

/// <summary>Starts PostgreSQL's programs, as the unprivileged user when DbGate runs as root.</summary>
internal sealed class ServerProcessRunner(UnixUser? runAs)
{
    internal sealed record ExitResult(int ExitCode, string LastLine);

    public async Task<ExitResult> RunToEndAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = (await errors).Trim() is { Length: > 0 } e ? e : (await output).Trim();
        return new ExitResult(process.ExitCode, Telling(text.Split('\n')));
    }

    /// <summary>The last line that names an error (initdb ends with "removing data directory", not with why).</summary>
    private static string Telling(string[] lines) =>
        (lines.LastOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? lines.LastOrDefault() ?? "").Trim();

    public Process Start(string program, IReadOnlyList<string> arguments)
    {
        var info = runAs is null
            ? new ProcessStartInfo(program, arguments)
            // setpriv execs in place, so the process we hold is the postmaster itself and our signals reach it.
            : new ProcessStartInfo(
                "setpriv",
                ["--reuid", runAs.Uid.ToString(CultureInfo.InvariantCulture), "--regid", runAs.Gid.ToString(CultureInfo.InvariantCulture), "--clear-groups", "--", program, .. arguments]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return Process.Start(info.WithoutSecrets()) ?? throw new InfrastructureException($"could not start {program}");
    }
}
