using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

/// <summary>Renders a Mermaid diagram with the real mermaid-cli and the system's chromium, as GitHub's renderer would parse it.</summary>
internal static class MermaidCli
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>DBGATE_MMDC, else mmdc on PATH; null when it or chromium is missing.</summary>
    public static string? Find()
    {
        if (!File.Exists(Chromium))
            return null;
        if (Environment.GetEnvironmentVariable("DBGATE_MMDC") is { Length: > 0 } given)
            return File.Exists(given) ? given : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "mmdc")).FirstOrDefault(File.Exists);
    }

    /// <summary>Renders to SVG; returns mmdc's exit code and its output (which names a syntax error).</summary>
    public static async Task<(int ExitCode, string Output, long SvgBytes)> RenderAsync(string diagram)
    {
        var mmdc = Find() ?? throw new InvalidOperationException("mmdc or chromium is missing");
        using var folder = new TempFolder("dbgate-mermaid-");
        var input = Path.Combine(folder.Path, "diagram.mmd");
        var output = Path.Combine(folder.Path, "diagram.svg");
        var puppeteer = Path.Combine(folder.Path, "puppeteer.json");
        await File.WriteAllTextAsync(input, diagram);
        await File.WriteAllTextAsync(puppeteer, $"{{\"executablePath\":\"{Chromium}\",\"args\":[\"--no-sandbox\"]}}");
        // Processes kills mmdc and the browser it started when the deadline passes.
        var run = await Processes.RunAsync(mmdc, ["-p", puppeteer, "-i", input, "-o", output, "--quiet"], folder.Path, timeout: TimeSpan.FromMinutes(2));
        return (run.ExitCode, run.All, File.Exists(output) ? new FileInfo(output).Length : 0);
    }
}
