using System.Text;
using DbGate.Core.Reports;
using DbGate.Core.Results;
using DbGate.Core.Rules;

namespace DbGate.Tests.Reports;

/// <summary>Results shaped like real runs, and a context pinned so every report is repeatable.</summary>
internal static class ReportSamples
{
    public const string Root = "/home/ci/work/my repo";

    public static ReportContext Context { get; } = new()
    {
        ToolVersion = "1.2.3-test",
        Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
        HostName = "ci-runner",
        Rules = [RuleCatalog.Get("DBG001"), RuleCatalog.Get("DBG002")],
    };

    /// <summary>Three migrations, one with a failing down; an error, a warning from an uncatalogued rule, a loose note.</summary>
    public static GateResult Representative() => new(
        Root,
        "PostgreSQL 15.18 (local)",
        [
            Step("0001_create_users", Phase.Up, Outcome.Passed, 12),
            Step("0001_create_users", Phase.Down, Outcome.Passed, 4),
            Step("0001_create_users", Phase.Redo, Outcome.Passed, 15),
            Step("0002 add email", Phase.Up, Outcome.Passed, 10),
            Step("0002 add email", Phase.Down, Outcome.Failed, 3, "column \"email\" does not exist"),
            Step("0002 add email", Phase.Redo, Outcome.Skipped, 0, "down failed"),
            Step("0003_índice", Phase.Up, Outcome.Passed, 1250),
            Step("0003_índice", Phase.Down, Outcome.Passed, 20),
            Step("0003_índice", Phase.Redo, Outcome.Passed, 1300),
        ],
        [
            new Finding("DBG002", Level.Error, "Down migration fails: column \"email\" of relation \"users\" does not exist",
                new SourceLocation("migrations/0002 add email/down.sql", 3, 1, 3, 31), "0002 add email",
                ["SQLSTATE 42703", "ALTER TABLE users DROP COLUMN email"], Phase.Down),
            new Finding("DBG010", Level.Warning, "Index on `users` | built <without> CONCURRENTLY & blocks writes",
                new SourceLocation("migrations/0003_índice/up.sql", 2, 5), "0003_índice", Phase: Phase.Up),
            new Finding("DBG011", Level.Note, "Server setting *work_mem* differs from production"),
        ],
        TimeSpan.FromMilliseconds(3214));

    public static GateResult Clean() => new(Root, "PostgreSQL 15.18 (local)",
        [Step("0001_create_users", Phase.Up, Outcome.Passed, 12), Step("0001_create_users", Phase.Down, Outcome.Passed, 4)],
        [], TimeSpan.FromMilliseconds(40));

    /// <summary>Cut short after the first step, with a finding that has no location and text hostile to every format.</summary>
    public static GateResult Incomplete() => new(Root, "PostgreSQL 15.18 (local)",
        [Step("0001_create_users", Phase.Up, Outcome.Failed, 7, "server closed the connection\u0000")],
        [new Finding("DBG001", Level.Error, Hostile, Migration: "0001_create_users", Details: ["line 1\nline 2", "bell\u0007 <tag> & \"quote\""])],
        TimeSpan.FromMilliseconds(120), Complete: false);

    public const string Hostile = "Up failed: <b>&amp;</b> | `code` *bold* [link](x) ]]> \u001b[31mred\u001b[0m \u0001\u000b\ud800 end";

    public static GateResult Many(int count) => new(Root, "PostgreSQL 15.18 (local)", [],
        [.. Enumerable.Range(0, count).Select(i => new Finding(
            i % 3 == 0 ? "DBG002" : "DBG001",
            (Level)(i % 3 + 1),
            $"Finding number {i}",
            new SourceLocation($"migrations/{i:D5}/up.sql", i % 100 + 1)))],
        TimeSpan.FromSeconds(30));

    public static async Task<string> WriteAsync(IReportWriter writer, GateResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream);
        var bytes = stream.ToArray();
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "Reports are UTF-8 without a byte-order mark.");
        return Encoding.UTF8.GetString(bytes);
    }

    public static Task<string> WriteAsync(ReportFormat format, GateResult result) =>
        WriteAsync(ReportWriters.Create(format, Context), result);

    private static StepResult Step(string migration, Phase phase, Outcome outcome, int milliseconds, string? reason = null) =>
        new(migration, phase, outcome, TimeSpan.FromMilliseconds(milliseconds), reason);
}
