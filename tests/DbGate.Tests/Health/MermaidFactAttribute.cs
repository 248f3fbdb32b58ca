namespace DbGate.Tests.Health;

/// <summary>
/// A test that renders Mermaid with @mermaid-js/mermaid-cli (mmdc) and Debian's chromium: skipped with the reason when
/// either is missing, unless DBGATE_REQUIRE_MERMAID=1 (CI) makes that a failure.
/// </summary>
public sealed class MermaidFactAttribute : FactAttribute
{
    public MermaidFactAttribute()
    {
        if (MermaidCli.Find() is null && Environment.GetEnvironmentVariable("DBGATE_REQUIRE_MERMAID") != "1")
            Skip = "mmdc or chromium not found: PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @mermaid-js/mermaid-cli and apt-get install chromium, or set DBGATE_MMDC (DBGATE_REQUIRE_MERMAID=1 makes this a failure)";
    }
}
