using System.Text.Json;
using System.Xml.Linq;
using DbGate.Tests.Reports;

namespace DbGate.Tests.Faults;

/// <summary>What every fault must end in: exit 3, one line saying why, and reports on disk that say incomplete and why.</summary>
internal static class IncompleteRun
{
    /// <returns>The reason the run gave, for further checks.</returns>
    public static async Task<string> AssertAsync(int exit, string error, FaultProject project, string because)
    {
        Assert.True(exit == 3, $"exit {exit}; stderr: {error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Progress lines and the verdict, every one of them DbGate's own: no stack trace, no library's log.
        Assert.All(lines, line => Assert.StartsWith("dbgate: ", line, StringComparison.Ordinal));
        var verdict = Assert.Single(lines, line => line.StartsWith("dbgate: run incomplete: ", StringComparison.Ordinal));
        Assert.Equal(verdict, lines[^1]);
        Assert.Contains(because, verdict, StringComparison.Ordinal);
        var reason = verdict["dbgate: run incomplete: ".Length..];

        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(project.Json)))
        {
            Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal("incomplete", json.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(reason, json.RootElement.GetProperty("interruption").GetString());
        }

        var sarif = await File.ReadAllTextAsync(project.Sarif);
        Assert.Empty(await SarifSchema.ValidateAsync(sarif));
        using (var document = JsonDocument.Parse(sarif))
        {
            var invocation = document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            Assert.Contains(reason, invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var junit = await File.ReadAllTextAsync(project.JUnit);
        Assert.Empty(JUnitSchema.Validate(junit));
        var incomplete = Assert.Single(XDocument.Parse(junit).Descendants("error"), e => (string?)e.Attribute("type") == "incomplete");
        Assert.Contains(reason, (string)incomplete.Attribute("message")!, StringComparison.Ordinal);
        return reason;
    }

    /// <summary>No server directory and no process working in one is left in the project's private TMPDIR.</summary>
    public static void AssertNothingLeft(FaultProject project)
    {
        Assert.Empty(LeftOvers.ServerDirectories(project.TempDirectory));
        Assert.Empty(LeftOvers.ProcessesIn(project.TempDirectory));
    }

    /// <summary>The steps the JSON report holds: what was seen before the fault.</summary>
    public static IReadOnlyList<string> ReportedSteps(FaultProject project)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(project.Json));
        return [.. json.RootElement.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("migration").GetString()} {s.GetProperty("phase").GetString()} {s.GetProperty("outcome").GetString()}")];
    }
}
